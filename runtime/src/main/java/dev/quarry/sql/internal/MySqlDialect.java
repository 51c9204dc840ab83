package dev.quarry.sql.internal;

import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.sql.DatePart;
import dev.quarry.types.SqlType;
import dev.quarry.types.Vendor;
import java.math.BigInteger;
import java.util.List;

/**
 * MySQL 8 and MariaDB 10.6+: back-quoted identifiers, {@code LIMIT/OFFSET},
 * {@code ON DUPLICATE KEY UPDATE}, {@code CONCAT()} (since {@code ||} means OR), NULL ordering
 * emulated with {@code IS NULL} sort keys, backslash doubled in the LIKE escape literal, a binary
 * pattern where LIKE must respect case, AVG over doubles, schemas that are databases (JDBC
 * catalogs). MariaDB adds RETURNING on INSERT and DELETE, and sequences. Tested live on MariaDB;
 * see docs/DATABASES.md.
 */
final class MySqlDialect extends Dialect {
  static final MySqlDialect MYSQL = new MySqlDialect(Vendor.MYSQL, IdentifierQuoting.AS_NEEDED);
  static final MySqlDialect MARIADB = new MySqlDialect(Vendor.MARIADB, IdentifierQuoting.AS_NEEDED);
  static final MySqlDialect MYSQL_QUOTING_EVERY_NAME = new MySqlDialect(Vendor.MYSQL, IdentifierQuoting.EVERY_NAME);
  static final MySqlDialect MARIADB_QUOTING_EVERY_NAME =
      new MySqlDialect(Vendor.MARIADB, IdentifierQuoting.EVERY_NAME);

  /** Largest row count MySQL accepts; its documented way to say "OFFSET without LIMIT". */
  private static final String NO_LIMIT = "18446744073709551615";

  private MySqlDialect(Vendor vendor, IdentifierQuoting quoting) {
    super(vendor, quoting);
  }

  @Override
  protected char quoteCharacter() {
    return '`';
  }

  @Override
  protected java.util.Set<String> reservedWords() {
    return ReservedWords.MYSQL;
  }

  @Override
  public String typeName(SqlType<?> type) {
    switch (type.kind()) {
      case TINYINT:
        return "TINYINT";
      case INTEGER:
        return "INT";
      case REAL:
        // Not FLOAT: the server sends FLOAT values as text with 6 significant digits, so a Java
        // float would not read back as written. A DOUBLE holds every float exactly.
        return "DOUBLE";
      case DOUBLE:
        return "DOUBLE";
      case DECIMAL:
        // MySQL's bare DECIMAL is DECIMAL(10,0) and would drop every fraction; whole numbers of
        // any size (BigInteger, NUMERIC elsewhere) get the largest precision there is.
        return type.precision() > 0 ? decimalName(type, "DECIMAL")
            : type.javaType() == BigInteger.class ? "DECIMAL(65,0)" : "DECIMAL(38,10)";
      case TEXT:
        return "LONGTEXT";
      case JSON:
        return "JSON";
      case TIME:
        return "TIME(6)";
      case TIMESTAMP:
      case TIMESTAMP_TZ:
        return "DATETIME(6)";
      case BINARY:
        return type.length() > 0 ? "VARBINARY(" + type.length() + ")" : "LONGBLOB";
      default:
        return super.typeName(type);
    }
  }

  /** {@code TINYINT(1)} is how MySQL and MariaDB store BOOLEAN. */
  @Override
  public SqlType<?> typeFromCatalog(String typeName, int length, int precision, int scale) {
    if ("TINYINT".equalsIgnoreCase(typeName.trim()) && length == 1) {
      return dev.quarry.types.SqlTypes.BOOLEAN;
    }
    return super.typeFromCatalog(typeName, length, precision, scale);
  }

  /** MariaDB's check_constraints names the table; MySQL's does not (its check names are unique per schema). */
  @Override
  public String checkConstraintsQuery() {
    return vendor() == Vendor.MARIADB
        ? "SELECT constraint_name, check_clause FROM information_schema.check_constraints"
            + " WHERE constraint_schema = ? AND table_name = ?"
        : super.checkConstraintsQuery();
  }

  /** {@code NULL} is how information_schema says a nullable column has no default. */
  @Override
  public String defaultFromCatalog(String text) {
    String d = super.defaultFromCatalog(text);
    return d == null || d.equalsIgnoreCase("NULL") ? null : d;
  }

  /** A column's UNIQUE is an index named after the column ({@code col_2} when taken). */
  @Override
  public boolean isColumnUniqueName(String table, String constraint, String column) {
    return constraint.equals(column) || constraint.matches(java.util.regex.Pattern.quote(column) + "_[0-9]+");
  }

  /** RESTRICT is the default there (NO ACTION is a synonym). */
  @Override
  public boolean reportsNoActionAsRestrict() {
    return true;
  }

  /** MariaDB's JSON is LONGTEXT with {@code CHECK (json_valid(col))} named after the column; MySQL's is a type. */
  @Override
  public String jsonValidityCheck(String column) {
    return vendor() == Vendor.MARIADB ? "json_valid(" + quote(column) + ")" : null;
  }

  @Override
  public boolean keepsUniqueConstraintsAsIndexes() {
    return true;
  }

  /** MariaDB has no information_schema.sequences (before 11.5): each sequence is a one-row table. */
  @Override
  public String sequencesQuery() {
    requireSequences();
    return null;
  }

  @Override
  public String sequenceIncrementQuery(String schema, String name) {
    requireSequences();
    return "SELECT increment FROM " + quote(schema, name);
  }

  /** MySQL's CAST knows only CHAR, SIGNED, DECIMAL, DOUBLE, FLOAT, DATE, DATETIME, TIME, BINARY and JSON. */
  @Override
  public String castTypeName(SqlType<?> type) {
    switch (type.kind()) {
      case BOOLEAN:
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return "SIGNED";
      case CHAR:
      case VARCHAR:
        return type.length() > 0 ? "CHAR(" + type.length() + ")" : "CHAR";
      case TEXT:
      case UUID:
        return "CHAR";
      case BINARY:
        return "BINARY";
      default:
        return typeName(type);
    }
  }

  @Override
  public String identityTypeName(SqlType<?> type) {
    return typeName(type) + " AUTO_INCREMENT";
  }

  /** MariaDB has had CREATE SEQUENCE since 10.3; MySQL has none. */
  @Override
  public boolean supportsSequences() {
    return vendor() == Vendor.MARIADB;
  }

  @Override
  protected String nextValueExpression(String quotedSequence) {
    return "NEXTVAL(" + quotedSequence + ")";
  }

  /** MariaDB lists sequences among the tables, as type SEQUENCE, as older versions have no sequences view. */
  @Override
  public String sequenceNamesQuery() {
    requireSequences();
    return "SELECT table_name FROM information_schema.tables WHERE table_type = 'SEQUENCE' AND table_schema = ?";
  }

  @Override
  public String dropForeignKey(String schema, String table, String constraint) {
    return "ALTER TABLE " + quote(schema, table) + " DROP FOREIGN KEY " + quote(constraint);
  }

  /** RENAME TABLE: the new name is qualified too, or the table would move to the connection's database. */
  @Override
  public String renameTable(String schema, String table, String newName) {
    return "RENAME TABLE " + quote(schema, table) + " TO " + quote(schema, newName);
  }

  /** MODIFY COLUMN restates the whole column: what it leaves out (NOT NULL, DEFAULT) is dropped. */
  @Override
  public String alterColumnType(String schema, String table, String column, SqlType<?> type, String definition) {
    return modifyColumn(schema, table, column, definition);
  }

  @Override
  public String alterColumnNullable(String schema, String table, String column, boolean nullable,
      String definition) {
    return modifyColumn(schema, table, column, definition);
  }

  private String modifyColumn(String schema, String table, String column, String definition) {
    if (definition == null) {
      throw new IllegalArgumentException(vendor().displayName() + " restates the whole column " + table + "."
          + column + " to change it (MODIFY COLUMN), and its definition is not known: pass the schema as it is"
          + " before the change");
    }
    return "ALTER TABLE " + quote(schema, table) + " MODIFY COLUMN " + definition;
  }

  /** Index names are per table here. */
  @Override
  public String dropIndex(String schema, String table, String index) {
    return "DROP INDEX " + quote(index) + " ON " + quote(schema, table);
  }

  @Override
  public boolean keepsForeignKeyIndexAfterDrop() {
    return true;
  }

  /** A unique constraint is a unique index. */
  @Override
  public String dropUnique(String schema, String table, String constraint) {
    return "ALTER TABLE " + quote(schema, table) + " DROP INDEX " + quote(constraint);
  }

  /** MySQL 8 has DROP CHECK; MariaDB drops a check as a constraint. */
  @Override
  public String dropCheck(String schema, String table, String constraint) {
    return "ALTER TABLE " + quote(schema, table) + (vendor() == Vendor.MARIADB ? " DROP CONSTRAINT " : " DROP CHECK ")
        + quote(constraint);
  }

  /**
   * A literal default is kept as a value of the column's type: {@code 0} on {@code DECIMAL(10,2)}
   * is {@code 0.00}, {@code TRUE} on a BOOLEAN ({@code TINYINT(1)}) is {@code 1}.
   */
  @Override
  public String defaultAsStored(String serverDefault, SqlType<?> type) {
    String d = super.defaultAsStored(serverDefault, type);
    if (d == null) {
      return null;
    }
    if (type.kind() == dev.quarry.types.TypeKind.BOOLEAN && (d.equalsIgnoreCase("TRUE") || d.equalsIgnoreCase("FALSE"))) {
      return d.equalsIgnoreCase("TRUE") ? "1" : "0";
    }
    if (type.kind() == dev.quarry.types.TypeKind.DECIMAL && type.scale() > 0 && d.matches("-?[0-9]+(\\.[0-9]+)?")) {
      return new java.math.BigDecimal(d).setScale(type.scale(), java.math.RoundingMode.HALF_UP).toPlainString();
    }
    return d;
  }

  @Override
  public boolean schemaIsCatalog() {
    return true;
  }

  @Override
  public boolean supportsReturning(DmlKind kind) {
    return vendor() == Vendor.MARIADB && kind != DmlKind.UPDATE;
  }

  @Override
  public UpsertStyle upsertStyle() {
    return UpsertStyle.ON_DUPLICATE_KEY;
  }

  @Override
  public boolean supportsFullJoin() {
    return false;
  }

  @Override
  public String likeEscapeLiteral() {
    return "'\\\\'";
  }

  /** LIKE compares with the column's collation, case-insensitive by default (utf8mb4_general_ci, uca1400_ai_ci). */
  @Override
  public boolean likeIgnoresCase() {
    return true;
  }

  /**
   * A binary pattern makes LIKE compare bytes, whatever the column's collation. Literal matches
   * use no {@code _} wildcard, so matching bytes instead of characters changes nothing else.
   * {@code CAST(… AS BINARY)} rather than the {@code BINARY} operator, which MySQL 8 deprecates.
   */
  @Override
  public void caseSensitiveMatch(StringBuilder sql, Fragment value, Fragment pattern) {
    value.writeTo(sql);
    sql.append(" LIKE CAST(");
    pattern.writeTo(sql);
    sql.append(" AS BINARY) ESCAPE ").append(likeEscapeLiteral());
  }

  @Override
  public String insertDefaultValues() {
    return " () VALUES ()";
  }

  /**
   * The average of doubles: AVG of integers or decimals is a DECIMAL rounded to
   * {@code div_precision_increment} (4) more digits, so 80 / 3 would read back as 26.6667.
   */
  @Override
  public void average(StringBuilder sql, Fragment argument) {
    sql.append("AVG(CAST(");
    argument.writeTo(sql);
    sql.append(" AS DOUBLE))");
  }

  /** MySQL's LENGTH counts bytes. */
  @Override
  public String charLengthFunction() {
    return "CHAR_LENGTH";
  }

  @Override
  public String randomFunction() {
    return "RAND()";
  }

  @Override
  public void limitOffset(StringBuilder sql, Fragment limit, Fragment offset) {
    sql.append(" LIMIT ");
    if (limit != null) {
      limit.writeTo(sql);
    } else {
      sql.append(NO_LIMIT);
    }
    if (offset != null) {
      sql.append(" OFFSET ");
      offset.writeTo(sql);
    }
  }

  /** No NULLS FIRST/LAST: sort by {@code x IS NULL} first (0 before 1), then by the value. */
  @Override
  public void orderItem(StringBuilder sql, Fragment expression, boolean descending, NullOrdering nulls) {
    if (nulls != NullOrdering.DEFAULT) {
      expression.writeTo(sql);
      sql.append(nulls == NullOrdering.FIRST ? " IS NULL DESC, " : " IS NULL, ");
    }
    expression.writeTo(sql);
    if (descending) {
      sql.append(" DESC");
    }
  }

  @Override
  public void concat(StringBuilder sql, List<Fragment> parts) {
    sql.append("CONCAT(");
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      parts.get(i).writeTo(sql);
    }
    sql.append(')');
  }

  /** Backslash is an escape character in MySQL and MariaDB strings (unless NO_BACKSLASH_ESCAPES): doubled too. */
  @Override
  protected String stringLiteral(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /** No DATE_TRUNC: the kept fields formatted with the rest at their start, cast back. */
  @Override
  public void dateTrunc(StringBuilder sql, DatePart part, Fragment value, boolean dateOnly) {
    sql.append("CAST(DATE_FORMAT(");
    value.writeTo(sql);
    sql.append(", '").append(DatePatterns.truncation(part, dateOnly).replace("%M", "%i").replace("%S", "%s"))
        .append(dateOnly ? "') AS DATE)" : "') AS DATETIME)");
  }

  /** {@code VALUES(col)}: accepted by MariaDB and (deprecated but working) by MySQL 8. */
  @Override
  public void excluded(StringBuilder sql, String column, String sourceAlias) {
    sql.append("VALUES(").append(quote(column)).append(')');
  }

  /** GET_LOCK names are server-wide: the database name scopes the lock; it answers 0 on timeout. */
  @Override
  public String migrationLockQuery(String name, long waitSeconds) {
    return "SELECT GET_LOCK(CONCAT(DATABASE(), '.', " + stringLiteral(name) + "), " + waitSeconds + ")";
  }

  @Override
  public boolean migrationLockWaits() {
    return true;
  }

  @Override
  public String migrationUnlockQuery(String name) {
    return "SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.', " + stringLiteral(name) + "))";
  }

  @Override
  public String tableExistsQuery() {
    return "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = :name";
  }
}
