package dev.quarry.sql.internal;

import java.util.List;

import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.sql.DatePart;
import dev.quarry.sql.LockWait;
import dev.quarry.types.SqlType;
import dev.quarry.types.TypeKind;
import dev.quarry.types.Vendor;

/**
 * SQLite 3.35+: {@code LIMIT/OFFSET}, {@code ON CONFLICT} upserts, {@code RETURNING}, 1/0 for
 * truth values, no row locks. Column types are chosen for the storage class they give: dates,
 * times and UUIDs are TEXT (ISO-8601 text sorts in time order), integers are INTEGER so that an
 * {@code INTEGER PRIMARY KEY} aliases the rowid.
 */
final class SqliteDialect extends Dialect {
  static final SqliteDialect INSTANCE = new SqliteDialect(IdentifierQuoting.AS_NEEDED);
  static final SqliteDialect QUOTING_EVERY_NAME = new SqliteDialect(IdentifierQuoting.EVERY_NAME);

  private SqliteDialect(IdentifierQuoting quoting) {
    super(Vendor.SQLITE, quoting);
  }

  @Override
  protected java.util.Set<String> reservedWords() {
    return ReservedWords.SQLITE;
  }

  @Override
  public String typeName(SqlType<?> type) {
    switch (type.kind()) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return "INTEGER";
      case DOUBLE:
        return "DOUBLE";
      case TEXT:
      case JSON:
      case DATE:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMP_TZ:
      case UUID:
        return "TEXT";
      case BINARY:
        return "BLOB";
      default:
        return super.typeName(type);
    }
  }

  /** SQLite's INTEGER holds 64 bits: it reads as BIGINT, whatever integer type was declared. */
  @Override
  public SqlType<?> typeFromCatalog(String typeName, int length, int precision, int scale) {
    if ("INTEGER".equalsIgnoreCase(typeName.trim())) {
      return dev.quarry.types.SqlTypes.BIGINT;
    }
    return super.typeFromCatalog(typeName, length, precision, scale);
  }

  /** SQLite keeps a string of any length in a VARCHAR(n) column. */
  @Override
  public boolean enforcesDeclaredLength() {
    return false;
  }

  /** {@code INTEGER PRIMARY KEY AUTOINCREMENT}: the only auto-increment form SQLite has. */
  @Override
  public String identityTypeName(SqlType<?> type) {
    return "INTEGER PRIMARY KEY AUTOINCREMENT";
  }

  @Override
  public boolean identityNeedsInlinePrimaryKey() {
    return true;
  }

  /**
   * SQLite has no ALTER TABLE for constraints, and needs none: it checks foreign keys only when
   * rows change, so a CREATE TABLE may reference a table created later.
   */
  @Override
  public boolean supportsAlterForeignKey() {
    return false;
  }

  /** Dropping a referenced table deletes its rows, which SQLite checks against foreign keys. */
  @Override
  public String deferForeignKeyChecks() {
    return "PRAGMA defer_foreign_keys = ON";
  }

  // ALTER TABLE here renames and adds columns only: everything else rebuilds the table.
  @Override
  public boolean rebuildsTableToAlter() {
    return true;
  }

  /**
   * SQLite's ADD COLUMN refuses a UNIQUE column, NOT NULL without a default, and a default that is
   * an expression (in parentheses or CURRENT_*): such a column is added by a rebuild.
   */
  @Override
  public boolean addsColumnInPlace(boolean notNull, boolean unique, String serverDefault) {
    String d = serverDefault == null ? null : serverDefault.trim().toUpperCase(java.util.Locale.ROOT);
    boolean expression = d != null && (d.startsWith("(") || d.startsWith("CURRENT_"));
    return !unique && (!notNull || d != null) && !expression;
  }

  /** AUTOINCREMENT's counter is the table's row in sqlite_sequence, which DROP TABLE deletes. */
  @Override
  public List<String> copyIdentityCounter(String schema, String table, String copy) {
    String sequences = quote(schema, "sqlite_sequence");
    return List.of("DELETE FROM " + sequences + " WHERE name = " + stringLiteral(copy),
        "INSERT INTO " + sequences + " (name, seq) SELECT " + stringLiteral(copy) + ", seq FROM " + sequences
            + " WHERE name = " + stringLiteral(table));
  }

  /** A BLOB's declared length is kept in its length check, which reads back as the type's length. */
  @Override
  public SqlType<?> typeAsStored(SqlType<?> type) {
    if (type.kind() == TypeKind.BINARY) {
      return type.length() > 0 ? dev.quarry.types.SqlTypes.binary(type.length()) : dev.quarry.types.SqlTypes.BINARY;
    }
    return super.typeAsStored(type);
  }

  /** The schema is an attached database, which SQLite names on the index, never on its table. */
  @Override
  public boolean schemaQualifiesIndexName() {
    return true;
  }

  /** SQLite folds ASCII case for every table and index name, quoted or not. */
  @Override
  public boolean namesIgnoreCase() {
    return true;
  }

  @Override
  public boolean hasNativeType(TypeKind kind) {
    switch (kind) {
      case BOOLEAN:
      case DATE:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMP_TZ:
      case UUID:
      case DECIMAL:
      case JSON:
        return false;
      default:
        return true;
    }
  }

  @Override
  public LongInList longInList() {
    return LongInList.JSON_EACH;
  }

  /** json_each yields SQLite integers and text: only those compare correctly with the column. */
  @Override
  public String arrayElementTypeName(SqlType<?> type) {
    Class<?> java = type.javaType();
    String name = super.arrayElementTypeName(type);
    return name != null && (java == Long.class || java == Integer.class || java == Short.class || java == String.class)
        ? name : null;
  }

  @Override
  public boolean supportsReturning(DmlKind kind) {
    return true;
  }

  @Override
  public UpsertStyle upsertStyle() {
    return UpsertStyle.ON_CONFLICT;
  }

  /** SQLite's LIKE ignores ASCII case; GLOB does not. */
  @Override
  public boolean likeIgnoresCase() {
    return true;
  }

  @Override
  public boolean caseSensitiveMatchIsGlob() {
    return true;
  }

  @Override
  public void caseSensitiveMatch(StringBuilder sql, Fragment value, Fragment pattern) {
    value.writeTo(sql);
    sql.append(" GLOB ");
    pattern.writeTo(sql);
  }

  @Override
  public boolean supportsForUpdate() {
    return false;
  }

  @Override
  public boolean supports(LockWait lockWait) {
    return false;
  }

  @Override
  public String booleanLiteral(boolean value) {
    return value ? "1" : "0";
  }

  /** SQLite needs a LIMIT before OFFSET; {@code -1} means no limit. */
  @Override
  public void limitOffset(StringBuilder sql, Fragment limit, Fragment offset) {
    sql.append(" LIMIT ");
    if (limit != null) {
      limit.writeTo(sql);
    } else {
      sql.append("-1");
    }
    if (offset != null) {
      sql.append(" OFFSET ");
      offset.writeTo(sql);
    }
  }

  /** Dates and times are text here, as {@code types.TemporalText} writes them: literals are that text. */
  @Override
  public String literal(Object value) {
    if (value instanceof java.time.LocalDate d) {
      return stringLiteral(d.toString());
    } else if (value instanceof java.time.LocalTime t) {
      return stringLiteral(timeText(t));
    } else if (value instanceof java.time.LocalDateTime t) {
      return stringLiteral(t.toLocalDate() + " " + timeText(t.toLocalTime()));
    }
    return super.literal(value);
  }

  /** Dates are stored as text like {@code 2024-05-01 13:45:00}: strftime reads them. */
  @Override
  public void extract(StringBuilder sql, DatePart part, Fragment value) {
    sql.append("CAST(strftime('").append(DatePatterns.field(part)).append("', ");
    value.writeTo(sql);
    sql.append(") AS INTEGER)");
  }

  /**
   * The kept fields with the rest set to their start, in the text form values are stored in
   * (SQLite's {@code datetime()} form, no fraction when it is zero), so that a truncated value
   * equals a stored one.
   */
  @Override
  public void dateTrunc(StringBuilder sql, DatePart part, Fragment value, boolean dateOnly) {
    sql.append("strftime('").append(DatePatterns.truncation(part, dateOnly)).append("', ");
    value.writeTo(sql);
    sql.append(')');
  }

  @Override
  public void excluded(StringBuilder sql, String column, String sourceAlias) {
    sql.append("excluded.").append(quote(column));
  }

  @Override
  public boolean transactionalDdl() {
    return true;
  }

  // SQLite has no ALTER for most changes: a migration rebuilds the table, and PRAGMA foreign_keys
  // is a no-op inside a transaction, so it is switched off around the migration's transaction.
  @Override
  public List<String> foreignKeysOffForRebuild() {
    return List.of("PRAGMA foreign_keys = OFF");
  }

  @Override
  public List<String> foreignKeysOnAfterRebuild() {
    return List.of("PRAGMA foreign_keys = ON");
  }

  @Override
  public String foreignKeyViolationsQuery() {
    return "PRAGMA foreign_key_check";
  }

  @Override
  public String tableExistsQuery() {
    return "SELECT name FROM sqlite_master WHERE type = 'table' AND name = :name";
  }
}
