package dev.quarry.schema;

import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.dialect.Dialect;
import dev.quarry.types.SqlType;
import dev.quarry.types.Vendor;

/**
 * What differs between databases in DDL beyond what the SQL {@link Dialect} already knows
 * (quoting, type names, identity columns): sequences, whether a foreign key can be added after
 * the table exists, how names compare.
 */
final class DdlDialect {
  private final Dialect sql;

  private DdlDialect(Dialect sql) {
    this.sql = sql;
  }

  static DdlDialect of(Vendor vendor) {
    return new DdlDialect(Dialect.of(vendor));
  }

  Vendor vendor() {
    return sql.vendor();
  }

  /** The identifier quoted by the SQL dialect, so DDL and queries name things alike. */
  String quote(String identifier) {
    return sql.quote(identifier);
  }

  /** {@code "schema"."name"} or {@code "name"}. */
  String qualify(String schema, String name) {
    return sql.quote(schema, name);
  }

  String typeName(SqlType<?> type) {
    return sql.typeName(type);
  }

  /** Type and identity clause of an auto-increment column. */
  String identityTypeName(SqlType<?> type) {
    return sql.identityTypeName(type);
  }

  /** Whether the identity column carries PRIMARY KEY itself (SQLite) instead of a table constraint. */
  boolean identityIsInlinePrimaryKey() {
    return sql.identityNeedsInlinePrimaryKey();
  }

  /** Whether CREATE SEQUENCE exists. */
  boolean supportsSequences() {
    return switch (vendor()) {
      case H2, POSTGRESQL, MARIADB, OTHER -> true;
      case SQLITE, MYSQL -> false;
    };
  }

  /**
   * Whether ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY exists. SQLite has none, and needs
   * none: it checks foreign keys only when rows change, so a CREATE TABLE may reference a table
   * created later.
   */
  boolean supportsAlterForeignKey() {
    return vendor() != Vendor.SQLITE;
  }

  /**
   * Whether names compare ignoring case even when quoted: SQLite folds ASCII case for every
   * table and index name. Elsewhere a quoted name is exact.
   */
  boolean namesIgnoreCase() {
    return vendor() == Vendor.SQLITE;
  }

  String createSequence(SequenceDef s) {
    return "CREATE SEQUENCE " + qualify(s.schema(), s.name()) + " START WITH 1 INCREMENT BY " + s.allocationSize();
  }

  String dropSequence(SequenceDef s) {
    return "DROP SEQUENCE " + qualify(s.schema(), s.name());
  }

  String dropForeignKey(String table, String constraint) {
    boolean mysql = vendor() == Vendor.MYSQL || vendor() == Vendor.MARIADB;
    return "ALTER TABLE " + table + (mysql ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ") + quote(constraint);
  }
}
