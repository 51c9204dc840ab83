package dev.quarry.schema;

import dev.quarry.sql.CheckDef;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.UniqueDef;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.TypeKind;
import dev.quarry.types.Vendor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes DDL statements for one database from schema models. Every identifier goes through the
 * dialect's quoting; the only unquoted text is what developers wrote as schema text (server
 * defaults and check conditions).
 */
final class DdlWriter {
  private final Dialect dialect;

  DdlWriter(Dialect dialect) {
    this.dialect = dialect;
  }

  static DdlWriter of(Vendor vendor) {
    return new DdlWriter(Dialect.of(vendor));
  }

  Dialect dialect() {
    return dialect;
  }

  String tableName(TableModel t) {
    return dialect.quote(t.schema(), t.name());
  }

  /** CREATE TABLE with every constraint inline except the foreign keys in {@code omitted}. */
  String createTable(TableModel t, Set<ForeignKey> omitted) {
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(tableName(t)).append(" (");
    String inlinePk = inlinePrimaryKeyColumn(t);
    String separator = "\n  ";
    for (ColumnModel c : t.columns()) {
      sql.append(separator);
      separator = ",\n  ";
      column(sql, c, c.name().equals(inlinePk));
    }
    if (!t.primaryKey().isEmpty() && inlinePk == null) {
      sql.append(separator).append("PRIMARY KEY (").append(columns(t.primaryKey())).append(')');
    }
    for (UniqueDef u : t.uniques()) {
      sql.append(separator).append(constraintName(u.name())).append("UNIQUE (").append(columns(u.columns()))
          .append(')');
    }
    for (CheckDef c : t.checks()) {
      sql.append(separator).append(constraintName(c.name())).append("CHECK (").append(c.sql()).append(')');
    }
    for (ForeignKey fk : t.foreignKeys()) {
      if (!omitted.contains(fk)) {
        sql.append(separator).append(constraintName(fk.name()));
        foreignKeyBody(sql, t, fk);
      }
    }
    return sql.append("\n)").toString();
  }

  /**
   * A column's definition as in CREATE TABLE (name, type, default, NOT NULL, length check);
   * without its UNIQUE when {@code withUnique} is false, as where a column is restated (MySQL's
   * MODIFY COLUMN) and UNIQUE would add a second unique index.
   */
  String columnDefinition(ColumnModel c, boolean withUnique) {
    StringBuilder sql = new StringBuilder();
    column(sql, withUnique ? c : new ColumnModel(c.name(), c.type(), c.nullable(), c.autoIncrement(), false,
        c.serverDefault()), false);
    return sql.toString();
  }

  /** ALTER TABLE ... ADD CONSTRAINT ... UNIQUE. */
  String addUnique(String schema, String table, UniqueDef unique) {
    return "ALTER TABLE " + dialect.quote(schema, table) + " ADD CONSTRAINT " + dialect.quote(unique.name())
        + " UNIQUE (" + columns(unique.columns()) + ")";
  }

  /** ALTER TABLE ... ADD CONSTRAINT ... CHECK. */
  String addCheck(String schema, String table, CheckDef check) {
    return "ALTER TABLE " + dialect.quote(schema, table) + " ADD CONSTRAINT " + dialect.quote(check.name())
        + " CHECK (" + check.sql() + ")";
  }

  /** ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY, for keys in a cycle. */
  String addForeignKey(TableModel t, ForeignKey fk) {
    StringBuilder sql = new StringBuilder("ALTER TABLE ").append(tableName(t)).append(" ADD CONSTRAINT ")
        .append(dialect.quote(foreignKeyName(t, fk))).append(' ');
    foreignKeyBody(sql, t, fk);
    return sql.toString();
  }

  String dropForeignKey(TableModel t, ForeignKey fk) {
    return dialect.dropForeignKey(t.schema(), t.name(), foreignKeyName(t, fk));
  }

  String createIndex(TableModel t, IndexDef index) {
    String head = "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX ";
    if (dialect.schemaQualifiesIndexName() && t.schema() != null) {
      return head + dialect.quote(t.schema(), indexName(t, index)) + " ON " + dialect.quote(t.name()) + " ("
          + columns(index.columns()) + ")";
    }
    return head + dialect.quote(indexName(t, index)) + " ON " + tableName(t) + " (" + columns(index.columns()) + ")";
  }

  String dropTable(TableModel t) {
    return "DROP TABLE " + tableName(t);
  }

  /** Starts at 1 and steps by the allocation size: the ORM's pooled allocation reserves each step. */
  String createSequence(SequenceDef s) {
    return dialect.createSequence(s.schema(), s.name(), 1, s.allocationSize());
  }

  String dropSequence(SequenceDef s) {
    return dialect.dropSequence(s.schema(), s.name());
  }

  /** The index's name, or {@code ix_<table>_<columns>} when it has none. */
  static String indexName(TableModel t, IndexDef index) {
    return index.name() != null ? index.name() : "ix_" + t.name() + "_" + String.join("_", index.columns());
  }

  /** The key's name, or {@code fk_<table>_<columns>} when it has none (ALTER TABLE needs one). */
  static String foreignKeyName(TableModel t, ForeignKey fk) {
    return fk.name() != null ? fk.name() : "fk_" + t.name() + "_" + String.join("_", fk.columns());
  }

  private void column(StringBuilder sql, ColumnModel c, boolean inlinePrimaryKey) {
    sql.append(dialect.quote(c.name())).append(' ');
    if (c.autoIncrement()) {
      if (dialect.identityNeedsInlinePrimaryKey() && !inlinePrimaryKey) {
        throw new IllegalArgumentException("column " + c.name() + " is auto-increment, which "
            + dialect.vendor().displayName() + " supports only on a single-column INTEGER primary key;"
            + " make it the only primary key column or drop autoIncrement()");
      }
      // Identity and DEFAULT exclude each other: the database supplies the value.
      sql.append(dialect.identityTypeName(c.type()));
    } else {
      sql.append(dialect.typeName(c.type()));
      if (c.serverDefault() != null) {
        sql.append(" DEFAULT ").append(c.serverDefault());
      }
    }
    if (!c.nullable()) {
      sql.append(" NOT NULL");
    }
    if (c.unique()) {
      sql.append(" UNIQUE");
    }
    if (!dialect.enforcesDeclaredLength() && hasDeclaredLength(c)) {
      // The translator reads this condition back: its failure is a ValueTooLongException.
      sql.append(" CHECK (length(").append(dialect.quote(c.name())).append(") <= ").append(c.type().length())
          .append(')');
    }
  }

  private static boolean hasDeclaredLength(ColumnModel c) {
    TypeKind kind = c.type().kind();
    return c.type().length() > 0 && (kind == TypeKind.VARCHAR || kind == TypeKind.CHAR || kind == TypeKind.BINARY);
  }

  /** The identity column that carries PRIMARY KEY inline (SQLite's rowid alias), or null. */
  private String inlinePrimaryKeyColumn(TableModel t) {
    if (!dialect.identityNeedsInlinePrimaryKey() || t.primaryKey().size() != 1) {
      return null;
    }
    ColumnModel pk = t.column(t.primaryKey().get(0));
    if (!pk.autoIncrement()) {
      return null;
    }
    TypeKind kind = pk.type().kind();
    if (kind != TypeKind.INTEGER && kind != TypeKind.BIGINT && kind != TypeKind.SMALLINT && kind != TypeKind.TINYINT) {
      throw new IllegalArgumentException("table " + t.qualifiedName() + ": auto-increment column " + pk.name()
          + " is " + pk.type().describe() + "; " + dialect.vendor().displayName()
          + " auto-increments only integer primary keys");
    }
    return pk.name();
  }

  private void foreignKeyBody(StringBuilder sql, TableModel t, ForeignKey fk) {
    // An unqualified target is in the referencing table's schema (as DependencyOrder resolves it),
    // not wherever the connection's search path would find a table of that name.
    String targetSchema = fk.targetSchema() != null ? fk.targetSchema() : t.schema();
    sql.append("FOREIGN KEY (").append(columns(fk.columns())).append(") REFERENCES ")
        .append(dialect.quote(targetSchema, fk.targetTable())).append(" (").append(columns(fk.targetColumns()))
        .append(')');
    action(sql, " ON DELETE ", fk.onDelete());
    action(sql, " ON UPDATE ", fk.onUpdate());
  }

  private static void action(StringBuilder sql, String clause, ReferentialAction action) {
    if (action != null && action.sql() != null) {
      sql.append(clause).append(action.sql());
    }
  }

  private String constraintName(String name) {
    return name == null ? "" : "CONSTRAINT " + dialect.quote(name) + " ";
  }

  private String columns(List<String> names) {
    return names.stream().map(dialect::quote).collect(Collectors.joining(", "));
  }
}
