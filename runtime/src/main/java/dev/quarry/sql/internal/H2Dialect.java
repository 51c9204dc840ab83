package dev.quarry.sql.internal;

import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.types.SqlType;
import dev.quarry.types.Vendor;

/**
 * H2 2.x: standard paging ({@code OFFSET … ROWS FETCH FIRST … ROWS ONLY}), standard
 * {@code MERGE} for upserts, native ILIKE and UUID. No RETURNING: inserted keys come back through
 * JDBC generated keys, updated and deleted rows through data change delta tables.
 */
final class H2Dialect extends Dialect {
  static final H2Dialect INSTANCE = new H2Dialect(IdentifierQuoting.AS_NEEDED);
  static final H2Dialect QUOTING_EVERY_NAME = new H2Dialect(IdentifierQuoting.EVERY_NAME);

  private H2Dialect(IdentifierQuoting quoting) {
    super(Vendor.H2, quoting);
  }

  @Override
  protected java.util.Set<String> reservedWords() {
    return ReservedWords.H2;
  }

  /** H2 stores an unquoted {@code users} as {@code USERS}. */
  @Override
  protected String foldUnquoted(String identifier) {
    return identifier.toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public String typeName(SqlType<?> type) {
    switch (type.kind()) {
      case TINYINT:
        return "TINYINT";
      case UUID:
        return "UUID";
      case TIME:
        // H2's bare TIME has precision 0 and would drop fractions of a second; LocalTime keeps them.
        return "TIME(6)";
      case DECIMAL:
        // H2's DECIMAL without precision has scale 0 and would round 99.95 to 100; DECFLOAT keeps it.
        return type.precision() > 0 ? decimalName(type, "DECIMAL") : "DECFLOAT";
      case TEXT:
      case JSON:
        // Not CLOB: H2 cannot index or compare large objects. Unbounded VARCHAR holds up to 1e9 characters.
        return "CHARACTER VARYING";
      case BINARY:
        return type.length() > 0 ? "VARBINARY(" + type.length() + ")" : "BINARY LARGE OBJECT";
      default:
        return super.typeName(type);
    }
  }

  /** H2 names a column's UNIQUE {@code CONSTRAINT_<hex>}. */
  @Override
  public boolean isColumnUniqueName(String table, String constraint, String column) {
    return constraint.startsWith("CONSTRAINT_");
  }

  /** H2 implements NO ACTION as RESTRICT and reports it so. */
  @Override
  public boolean reportsNoActionAsRestrict() {
    return true;
  }

  /** H2 names a constraint's index apart from the constraint. */
  @Override
  public String constraintIndexesQuery() {
    return "SELECT index_name FROM information_schema.table_constraints WHERE table_schema = ? AND table_name = ?"
        + " AND index_name IS NOT NULL";
  }

  @Override
  public String sequencesQuery() {
    return "SELECT sequence_name, increment FROM information_schema.sequences WHERE sequence_schema = ?"
        + " AND sequence_name NOT LIKE 'SYSTEM\\_SEQUENCE\\_%' ESCAPE '\\'";
  }

  @Override
  public boolean supportsSequences() {
    return true;
  }

  @Override
  public String renameColumn(String schema, String table, String column, String newName) {
    return "ALTER TABLE " + quote(schema, table) + " ALTER COLUMN " + quote(column) + " RENAME TO " + quote(newName);
  }

  @Override
  public boolean supportsDataChangeDeltaTable() {
    return true;
  }

  @Override
  public LongInList longInList() {
    return LongInList.ARRAY;
  }

  /** H2 caps arrays at 65,536 elements. */
  @Override
  public int maxArrayElements() {
    return 65_536;
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

  /** H2 2.x parses no FULL [OUTER] JOIN (found by the Core execution suite). */
  @Override
  public boolean supportsFullJoin() {
    return false;
  }

  /** H2 reads {@code GROUP BY 1} as a constant, not a position: it refers by alias. */
  @Override
  public boolean refersToSelectItems() {
    return true;
  }

  @Override
  public void selectItemReference(StringBuilder sql, int position, String label) {
    sql.append(quote(label));
  }

  /** Unbounded VARCHAR for strings, so a long value is not cut to a default length. */
  @Override
  public String caseResultCast(SqlType<?> type) {
    return type.kind() == dev.quarry.types.TypeKind.VARCHAR || type.kind() == dev.quarry.types.TypeKind.TEXT
        ? "CHARACTER VARYING" : castTypeName(type);
  }

  @Override
  public String randomFunction() {
    return "RAND()";
  }

  /** No named locks in H2: a migrator holds a row lock in a lock table for its run. */
  @Override
  public java.util.List<String> migrationLockTable(String table) {
    return java.util.List.of(
        "CREATE TABLE IF NOT EXISTS " + quote(table) + " (" + quote("id") + " INTEGER NOT NULL PRIMARY KEY)",
        // not MERGE: updating the row would wait for the migrator that holds it
        "INSERT INTO " + quote(table) + " (" + quote("id") + ") SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM "
            + quote(table) + ")");
  }

  @Override
  public String lockWaitTimeout(java.time.Duration timeout) {
    return "SET LOCK_TIMEOUT " + timeout.toMillis();
  }

  @Override
  public String tableExistsQuery() {
    return "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = :name";
  }
}
