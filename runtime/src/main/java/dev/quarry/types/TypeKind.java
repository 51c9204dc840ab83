package dev.quarry.types;

/** The SQL type family of a column; each dialect renders it as its own DDL type name. */
public enum TypeKind {
  BOOLEAN,
  TINYINT,
  SMALLINT,
  INTEGER,
  BIGINT,
  REAL,
  DOUBLE,
  /** Exact numeric with precision and scale. */
  DECIMAL,
  /** Fixed-length character data. */
  CHAR,
  /** Variable-length character data with a length limit. */
  VARCHAR,
  /** Character data without a length limit (TEXT / CLOB). */
  TEXT,
  DATE,
  TIME,
  /** Date and time without time zone. */
  TIMESTAMP,
  /** An instant: timestamp with time zone (stored normalised to UTC where the database does so). */
  TIMESTAMP_TZ,
  UUID,
  /** Binary data (BLOB / BYTEA / VARBINARY). */
  BINARY,
  /** JSON document (jsonb on PostgreSQL, text elsewhere). */
  JSON
}
