package dev.quarry.schema;

import dev.quarry.sql.CheckDef;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.UniqueDef;
import dev.quarry.types.SqlType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change to a schema, as a value (Alembic's {@code MigrateOperation}): what a migration's
 * {@code Ops} call records, what a diff of two {@link SchemaModel}s produces, and what
 * {@link SchemaChanges} turns into each database's DDL. Tables are named by schema (null for the
 * connection's default) and name; a change that removes something names it only — what it
 * removes is read from the schema it applies to.
 */
public sealed interface SchemaChange {

  /** A one-line description for logs, history and error messages, e.g. {@code add column users.email}. */
  String describe();

  /** Whether applying the change can lose stored data (a drop, or a narrowing type change). */
  default boolean dropsData() {
    return false;
  }

  /** {@code CREATE TABLE} with its columns, keys, constraints and indexes. */
  record CreateTable(TableModel table) implements SchemaChange {
    public CreateTable {
      Objects.requireNonNull(table, "table");
    }

    @Override
    public String describe() {
      return "create table " + table.qualifiedName();
    }
  }

  /** {@code DROP TABLE}. */
  record DropTable(String schema, String table) implements SchemaChange {
    public DropTable {
      Objects.requireNonNull(table, "table");
    }

    @Override
    public String describe() {
      return "drop table " + qualified(schema, table);
    }

    @Override
    public boolean dropsData() {
      return true;
    }
  }

  /** Renames a table within its schema. */
  record RenameTable(String schema, String table, String newName) implements SchemaChange {
    public RenameTable {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(newName, "newName");
    }

    @Override
    public String describe() {
      return "rename table " + qualified(schema, table) + " to " + newName;
    }
  }

  /** Adds a column; on a table with rows a NOT NULL column needs a server default. */
  record AddColumn(String schema, String table, ColumnModel column) implements SchemaChange {
    public AddColumn {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String describe() {
      return "add column " + qualified(schema, table) + "." + column.name();
    }
  }

  /** Drops a column. */
  record DropColumn(String schema, String table, String column) implements SchemaChange {
    public DropColumn {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String describe() {
      return "drop column " + qualified(schema, table) + "." + column;
    }

    @Override
    public boolean dropsData() {
      return true;
    }
  }

  /** Renames a column. */
  record RenameColumn(String schema, String table, String column, String newName) implements SchemaChange {
    public RenameColumn {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(newName, "newName");
    }

    @Override
    public String describe() {
      return "rename column " + qualified(schema, table) + "." + column + " to " + newName;
    }
  }

  /** Changes a column's type; existing values are converted by the database (or the change fails). */
  record AlterColumnType(String schema, String table, String column, SqlType<?> type) implements SchemaChange {
    public AlterColumnType {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String describe() {
      return "alter column " + qualified(schema, table) + "." + column + " type " + type.describe();
    }

    /** A type change may truncate or fail to convert values: it is reported as dropping data. */
    @Override
    public boolean dropsData() {
      return true;
    }
  }

  /** Makes a column nullable or NOT NULL (which fails while the column holds a NULL). */
  record AlterColumnNullable(String schema, String table, String column, boolean nullable) implements SchemaChange {
    public AlterColumnNullable {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String describe() {
      return "alter column " + qualified(schema, table) + "." + column + (nullable ? " drop not null" : " set not null");
    }
  }

  /** Sets a column's server default (SQL text as written in DDL), or drops it when {@code serverDefault} is null. */
  record AlterColumnDefault(String schema, String table, String column, String serverDefault) implements SchemaChange {
    public AlterColumnDefault {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String describe() {
      return "alter column " + qualified(schema, table) + "." + column
          + (serverDefault == null ? " drop default" : " set default " + serverDefault);
    }
  }

  /** {@code CREATE [UNIQUE] INDEX}. */
  record CreateIndex(String schema, String table, IndexDef index) implements SchemaChange {
    public CreateIndex {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(index, "index");
      Objects.requireNonNull(index.name(), "index name");
    }

    @Override
    public String describe() {
      return "create index " + index.name() + " on " + qualified(schema, table) + index.columns();
    }
  }

  /** {@code DROP INDEX}; the table is named because some databases scope index names by table. */
  record DropIndex(String schema, String table, String name) implements SchemaChange {
    public DropIndex {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "drop index " + name + " on " + qualified(schema, table);
    }
  }

  /** Adds a named unique constraint. */
  record AddUnique(String schema, String table, UniqueDef unique) implements SchemaChange {
    public AddUnique {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(unique, "unique");
      Objects.requireNonNull(unique.name(), "constraint name");
    }

    @Override
    public String describe() {
      return "add unique " + unique.name() + " on " + qualified(schema, table) + unique.columns();
    }
  }

  /** Adds a named foreign key. */
  record AddForeignKey(String schema, String table, ForeignKey foreignKey) implements SchemaChange {
    public AddForeignKey {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(foreignKey, "foreignKey");
      Objects.requireNonNull(foreignKey.name(), "constraint name");
    }

    @Override
    public String describe() {
      return "add foreign key " + foreignKey.name() + " on " + qualified(schema, table) + foreignKey.columns()
          + " -> " + foreignKey.targetTable() + foreignKey.targetColumns();
    }
  }

  /** Adds a named check constraint (its condition is SQL text as written in DDL). */
  record AddCheck(String schema, String table, CheckDef check) implements SchemaChange {
    public AddCheck {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(check.name(), "constraint name");
    }

    @Override
    public String describe() {
      return "add check " + check.name() + " on " + qualified(schema, table);
    }
  }

  /** The kinds of named constraint {@link DropConstraint} drops (MySQL needs to know which). */
  enum ConstraintKind {
    UNIQUE,
    FOREIGN_KEY,
    CHECK
  }

  /** Drops a named constraint. */
  record DropConstraint(String schema, String table, String name, ConstraintKind kind) implements SchemaChange {
    public DropConstraint {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String describe() {
      return "drop " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + name + " on "
          + qualified(schema, table);
    }
  }

  /** {@code CREATE SEQUENCE}, starting at 1 and stepping by the allocation size. */
  record CreateSequence(SequenceDef sequence) implements SchemaChange {
    public CreateSequence {
      Objects.requireNonNull(sequence, "sequence");
    }

    @Override
    public String describe() {
      return "create sequence " + qualified(sequence.schema(), sequence.name());
    }
  }

  /** {@code DROP SEQUENCE}. */
  record DropSequence(String schema, String name) implements SchemaChange {
    public DropSequence {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "drop sequence " + qualified(schema, name);
    }
  }

  /** {@code ALTER SEQUENCE ... INCREMENT BY}. */
  record AlterSequence(String schema, String name, int incrementBy) implements SchemaChange {
    public AlterSequence {
      Objects.requireNonNull(name, "name");
      if (incrementBy < 1) {
        throw new IllegalArgumentException("sequence " + name + ": increment must be at least 1");
      }
    }

    @Override
    public String describe() {
      return "alter sequence " + qualified(schema, name) + " increment by " + incrementBy;
    }
  }

  /** {@code CREATE TYPE ... AS ENUM}, on databases with named enum types (PostgreSQL). */
  record CreateEnumType(String schema, String name, List<String> values) implements SchemaChange {
    public CreateEnumType {
      Objects.requireNonNull(name, "name");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("enum type " + name + " needs at least one value");
      }
    }

    @Override
    public String describe() {
      return "create enum type " + qualified(schema, name) + values;
    }
  }

  /** {@code DROP TYPE}, on databases with named enum types (PostgreSQL). */
  record DropEnumType(String schema, String name) implements SchemaChange {
    public DropEnumType {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
      return "drop enum type " + qualified(schema, name);
    }
  }

  /** SQL written by the migration's author, run as it is (Alembic's {@code op.execute}). */
  record ExecuteSql(String sql) implements SchemaChange {
    public ExecuteSql {
      Objects.requireNonNull(sql, "sql");
    }

    @Override
    public String describe() {
      String oneLine = sql.strip().replaceAll("\\s+", " ");
      return "execute " + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine);
    }
  }

  /**
   * Rows inserted into a table (Alembic's {@code op.bulk_insert}): values bound when run against a
   * database, written as literals in an offline script.
   */
  record InsertRows(String schema, String table, List<Map<String, Object>> rows) implements SchemaChange {
    public InsertRows {
      Objects.requireNonNull(table, "table");
      rows = rows.stream().map(r -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
    }

    @Override
    public String describe() {
      return "insert " + rows.size() + " row(s) into " + qualified(schema, table);
    }
  }

  private static String qualified(String schema, String name) {
    return schema == null ? name : schema + "." + name;
  }
}
