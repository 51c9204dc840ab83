package dev.quarry.sql.internal;

import java.util.List;

import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.sql.DatePart;
import dev.quarry.types.SqlType;
import dev.quarry.types.TypeKind;
import dev.quarry.types.Vendor;

/**
 * PostgreSQL: {@code LIMIT/OFFSET}, {@code ON CONFLICT} upserts, {@code RETURNING} everywhere,
 * native ILIKE, {@code FOR UPDATE NOWAIT / SKIP LOCKED}, BYTEA, JSONB and UUID columns.
 */
final class PostgresDialect extends Dialect {
  static final PostgresDialect INSTANCE = new PostgresDialect(IdentifierQuoting.AS_NEEDED);
  static final PostgresDialect QUOTING_EVERY_NAME = new PostgresDialect(IdentifierQuoting.EVERY_NAME);

  private PostgresDialect(IdentifierQuoting quoting) {
    super(Vendor.POSTGRESQL, quoting);
  }

  @Override
  protected java.util.Set<String> reservedWords() {
    return ReservedWords.POSTGRESQL;
  }

  @Override
  public String typeName(SqlType<?> type) {
    switch (type.kind()) {
      case DECIMAL:
        return decimalName(type, "NUMERIC");
      case TEXT:
        return "TEXT";
      case JSON:
        return "JSONB";
      case UUID:
        return "UUID";
      case BINARY:
        return "BYTEA";
      default:
        return super.typeName(type);
    }
  }

  private static final java.util.regex.Pattern CAST =
      java.util.regex.Pattern.compile("::[a-zA-Z_][a-zA-Z0-9_ ]*(\\([0-9, ]*\\))?(\\[\\])?$");

  /** pg_constraint: information_schema lists NOT NULL as checks too. */
  @Override
  public String checkConstraintsQuery() {
    return "SELECT con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con"
        + " JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE con.contype = 'c' AND n.nspname = ? AND c.relname = ?";
  }

  /** {@code CHECK ((age >= 0)) NOT VALID} → {@code (age >= 0)}. */
  @Override
  public String checkFromCatalog(String text) {
    String t = text.trim();
    if (t.startsWith("CHECK ")) {
      t = t.substring("CHECK ".length());
    }
    if (t.endsWith(" NOT VALID")) {
      t = t.substring(0, t.length() - " NOT VALID".length());
    }
    return t.trim();
  }

  /** {@code 'new'::character varying} → {@code 'new'}; a serial column's {@code nextval(...)} is its identity, not a default. */
  @Override
  public String defaultFromCatalog(String text) {
    String d = super.defaultFromCatalog(text);
    if (d == null || d.startsWith("nextval(")) {
      return null;
    }
    for (java.util.regex.Matcher m = CAST.matcher(d); m.find() && !insideQuotes(d, m.start()); m = CAST.matcher(d)) {
      d = d.substring(0, m.start());
    }
    return d.isEmpty() ? null : d;
  }

  private static boolean insideQuotes(String s, int end) {
    int quotes = 0;
    for (int i = 0; i < end; i++) {
      if (s.charAt(i) == '\'') {
        quotes++;
      }
    }
    return quotes % 2 != 0;
  }

  @Override
  public boolean isColumnUniqueName(String table, String constraint, String column) {
    return constraint.equals(table + "_" + column + "_key");
  }

  /** Not the sequences identity and serial columns own. */
  @Override
  public String sequencesQuery() {
    return "SELECT c.relname, s.seqincrement FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid"
        + " WHERE c.relkind = 'S' AND n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_depend d"
        + " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))";
  }

  @Override
  public boolean supportsSequences() {
    return true;
  }

  /**
   * {@code USING} converts the stored values (text to integer, say), which PostgreSQL does not do
   * implicitly. Not to a string type: every type has an assignment cast to one, and an explicit
   * cast to {@code VARCHAR(n)} or {@code CHAR(n)} silently truncates longer values where the
   * assignment cast refuses them, as the other databases do.
   */
  @Override
  public String alterColumnType(String schema, String table, String column, SqlType<?> type, String definition) {
    String sql = "ALTER TABLE " + quote(schema, table) + " ALTER COLUMN " + quote(column) + " TYPE " + typeName(type);
    TypeKind kind = type.kind();
    if (kind == TypeKind.VARCHAR || kind == TypeKind.CHAR || kind == TypeKind.TEXT) {
      return sql;
    }
    return sql + " USING " + quote(column) + "::" + typeName(type);
  }

  @Override
  public boolean supportsEnumTypes() {
    return true;
  }

  /** PostgreSQL keeps a negative number default as a quoted literal cast to the type: {@code '-1'::numeric}. */
  @Override
  public String defaultAsStored(String serverDefault, SqlType<?> type) {
    String d = super.defaultAsStored(serverDefault, type);
    return d != null && d.matches("-[0-9]+(\\.[0-9]+)?") ? "'" + d + "'" : d;
  }

  /**
   * {@code nextval('"s"."n"')}: PostgreSQL takes the sequence as a regclass text, so the quoted
   * name becomes a string literal (quotes doubled; standard_conforming_strings, on since 9.1,
   * keeps backslashes literal).
   */
  @Override
  protected String nextValueExpression(String quotedSequence) {
    return "nextval('" + quotedSequence.replace("'", "''") + "')";
  }

  @Override
  public LongInList longInList() {
    return LongInList.ARRAY;
  }

  /**
   * PostgreSQL's own names, which {@code createArrayOf} resolves; pgjdbc writes booleans, doubles
   * and java.time values into array text itself, so those travel as arrays here too.
   */
  @Override
  public String arrayElementTypeName(SqlType<?> type) {
    String name = super.arrayElementTypeName(type);
    if (name == null) {
      Class<?> java = type.javaType();
      if (java == Boolean.class && type.kind() == TypeKind.BOOLEAN) {
        return "bool";
      } else if (java == Double.class && type.kind() == TypeKind.DOUBLE) {
        return "float8";
      } else if (java == java.time.LocalDate.class && type.kind() == TypeKind.DATE) {
        return "date";
      } else if (java == java.time.LocalDateTime.class && type.kind() == TypeKind.TIMESTAMP) {
        return "timestamp";
      }
      return null;
    }
    switch (name) {
      case "BIGINT":
        return "int8";
      case "INTEGER":
        return "int4";
      case "SMALLINT":
        return "int2";
      case "VARCHAR":
        return "varchar";
      case "UUID":
        return "uuid";
      default:
        return "numeric";
    }
  }

  @Override
  public boolean supportsReturning(DmlKind kind) {
    return true;
  }

  @Override
  public UpsertStyle upsertStyle() {
    return UpsertStyle.ON_CONFLICT;
  }

  @Override
  public void limitOffset(StringBuilder sql, Fragment limit, Fragment offset) {
    if (limit != null) {
      sql.append(" LIMIT ");
      limit.writeTo(sql);
    }
    if (offset != null) {
      sql.append(" OFFSET ");
      offset.writeTo(sql);
    }
  }

  @Override
  public void ilike(StringBuilder sql, Fragment value, Fragment pattern, Fragment escape, boolean negated) {
    value.writeTo(sql);
    sql.append(negated ? " NOT ILIKE " : " ILIKE ");
    pattern.writeTo(sql);
    if (escape != null) {
      sql.append(" ESCAPE ");
      escape.writeTo(sql);
    }
  }

  @Override
  public boolean refersToSelectItems() {
    return true;
  }

  /** EXTRACT gives a numeric (with the fraction of a second): whole numbers, as everywhere else. */
  @Override
  public void extract(StringBuilder sql, DatePart part, Fragment value) {
    sql.append(part == DatePart.SECOND ? "CAST(FLOOR(EXTRACT(SECOND FROM " : "CAST(EXTRACT(")
        .append(part == DatePart.SECOND ? "" : part.name() + " FROM ");
    value.writeTo(sql);
    sql.append(part == DatePart.SECOND ? ")) AS INTEGER)" : ") AS INTEGER)");
  }

  /** date_trunc of a DATE gives a timestamp with time zone: cast back to DATE. */
  @Override
  public void dateTrunc(StringBuilder sql, DatePart part, Fragment value, boolean dateOnly) {
    sql.append(dateOnly ? "CAST(date_trunc('" : "date_trunc('").append(part.name().toLowerCase(java.util.Locale.ROOT))
        .append("', ");
    value.writeTo(sql);
    sql.append(dateOnly ? ") AS DATE)" : ")");
  }

  @Override
  public void excluded(StringBuilder sql, String column, String sourceAlias) {
    sql.append("EXCLUDED.").append(quote(column));
  }

  @Override
  public boolean transactionalDdl() {
    return true;
  }

  /** A session-level advisory lock (per database), polled: pg_advisory_lock would wait unbounded. */
  @Override
  public String migrationLockQuery(String name, long waitSeconds) {
    return "SELECT pg_try_advisory_lock(hashtext(" + stringLiteral(name) + "))";
  }

  @Override
  public String migrationUnlockQuery(String name) {
    return "SELECT pg_advisory_unlock(hashtext(" + stringLiteral(name) + "))";
  }
}
