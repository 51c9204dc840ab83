package dev.quarry.migrate;

import dev.quarry.schema.ColumnModel;
import dev.quarry.schema.SchemaChange;
import dev.quarry.schema.SchemaChange.ConstraintKind;
import dev.quarry.schema.TableModel;
import dev.quarry.sql.CheckDef;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.Table;
import dev.quarry.sql.UniqueDef;
import dev.quarry.types.SqlType;
import dev.quarry.types.Vendor;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operations a revision runs (Alembic's {@code op}): each call is one {@link SchemaChange},
 * run at once against the database — or, in offline mode, written to the SQL script. Names are
 * tables and columns as the model writes them; the dialect quotes them. {@link #schema(String)}
 * gives the same operations in a named schema.
 */
public final class Ops {
  /** Where the changes go: the database, or an offline script. */
  interface Sink {
    void apply(SchemaChange change);

    Vendor vendor();

    /** The revision is about to make changes in {@code schema}, which the sink may need to read first. */
    default void schemaUsed(String schema) {}
  }

  private final Sink sink;
  private final String schema;

  Ops(Sink sink, String schema) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.schema = schema;
  }

  /** The database the revision runs on, for a revision that must differ per database. */
  public Vendor vendor() {
    return sink.vendor();
  }

  /** These operations in {@code schema} (a database on MariaDB/MySQL). */
  public Ops schema(String schema) {
    sink.schemaUsed(Objects.requireNonNull(schema, "schema"));
    return new Ops(sink, schema);
  }

  /**
   * Creates a table with its columns, primary key, foreign keys, unique and check constraints and
   * indexes, defined with {@link Table#builder(String)}; the builder's schema, if it names one, wins.
   */
  public void createTable(Table table) {
    TableModel model = TableModel.of(table);
    if (model.schema() == null && schema != null) {
      model = new TableModel(schema, model.name(), model.columns(), model.primaryKey(), model.foreignKeys(),
          model.uniques(), model.checks(), model.indexes());
    }
    sink.apply(new SchemaChange.CreateTable(model));
  }

  /** Drops a table and its data. */
  public void dropTable(String table) {
    sink.apply(new SchemaChange.DropTable(schema, table));
  }

  /** Renames a table. */
  public void renameTable(String table, String newName) {
    sink.apply(new SchemaChange.RenameTable(schema, table, newName));
  }

  /** Adds a column; a NOT NULL column added to a table with rows needs a server default. */
  public void addColumn(String table, ColumnSpec<?> column) {
    ColumnModel model = new ColumnModel(column.name(), column.type(), column.isNullable(), column.isAutoIncrement(),
        column.isUnique(), column.serverDefault());
    sink.apply(new SchemaChange.AddColumn(schema, table, model));
  }

  /** Drops a column and its data (on SQLite by rebuilding the table, data kept). */
  public void dropColumn(String table, String column) {
    sink.apply(new SchemaChange.DropColumn(schema, table, column));
  }

  /** Renames a column. */
  public void renameColumn(String table, String column, String newName) {
    sink.apply(new SchemaChange.RenameColumn(schema, table, column, newName));
  }

  /** Changes a column's type; the database converts the stored values or fails. */
  public void alterColumnType(String table, String column, SqlType<?> type) {
    sink.apply(new SchemaChange.AlterColumnType(schema, table, column, type));
  }

  /** Makes a column nullable, or NOT NULL (fails while it holds a NULL). */
  public void alterColumnNullable(String table, String column, boolean nullable) {
    sink.apply(new SchemaChange.AlterColumnNullable(schema, table, column, nullable));
  }

  /** Sets a column's server default, SQL text as DDL writes it ({@code "'new'"}, {@code "0"}); null drops it. */
  public void alterColumnDefault(String table, String column, String serverDefault) {
    sink.apply(new SchemaChange.AlterColumnDefault(schema, table, column, serverDefault));
  }

  /** Creates an index. */
  public void createIndex(String name, String table, String... columns) {
    sink.apply(new SchemaChange.CreateIndex(schema, table, new IndexDef(name, List.of(columns), false)));
  }

  /** Creates a unique index. */
  public void createUniqueIndex(String name, String table, String... columns) {
    sink.apply(new SchemaChange.CreateIndex(schema, table, new IndexDef(name, List.of(columns), true)));
  }

  /** Drops an index. */
  public void dropIndex(String name, String table) {
    sink.apply(new SchemaChange.DropIndex(schema, table, name));
  }

  /** Adds a unique constraint. */
  public void createUniqueConstraint(String name, String table, String... columns) {
    sink.apply(new SchemaChange.AddUnique(schema, table, new UniqueDef(name, List.of(columns))));
  }

  /** Adds a one-column foreign key with the database's default actions. */
  public void createForeignKey(String name, String table, String column, String targetTable, String targetColumn) {
    createForeignKey(name, table, List.of(column), targetTable, List.of(targetColumn), ReferentialAction.DEFAULT,
        ReferentialAction.DEFAULT);
  }

  /** Adds a foreign key; the target is in the same schema as the table. */
  public void createForeignKey(String name, String table, List<String> columns, String targetTable,
      List<String> targetColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
    ForeignKey fk = new ForeignKey(name, columns, null, targetTable, targetColumns, onDelete, onUpdate);
    sink.apply(new SchemaChange.AddForeignKey(schema, table, fk));
  }

  /** Adds a check constraint; {@code condition} is SQL text as DDL writes it. */
  public void createCheckConstraint(String name, String table, String condition) {
    sink.apply(new SchemaChange.AddCheck(schema, table, new CheckDef(name, condition)));
  }

  /** Drops a named unique, foreign key or check constraint. */
  public void dropConstraint(String name, String table, ConstraintKind kind) {
    sink.apply(new SchemaChange.DropConstraint(schema, table, name, kind));
  }

  /** Creates a sequence starting at 1 and stepping by {@code incrementBy}. */
  public void createSequence(String name, int incrementBy) {
    sink.apply(new SchemaChange.CreateSequence(new SequenceDef(schema, name, incrementBy)));
  }

  /** Drops a sequence. */
  public void dropSequence(String name) {
    sink.apply(new SchemaChange.DropSequence(schema, name));
  }

  /** Changes a sequence's increment. */
  public void alterSequence(String name, int incrementBy) {
    sink.apply(new SchemaChange.AlterSequence(schema, name, incrementBy));
  }

  /** Creates a named enum type (PostgreSQL; elsewhere an error naming the database). */
  public void createEnumType(String name, String... values) {
    sink.apply(new SchemaChange.CreateEnumType(schema, name, List.of(values)));
  }

  /** Drops a named enum type (PostgreSQL). */
  public void dropEnumType(String name) {
    sink.apply(new SchemaChange.DropEnumType(schema, name));
  }

  /** Runs SQL as written: the one place a revision's text becomes SQL unchecked. */
  public void execute(String sql) {
    sink.apply(new SchemaChange.ExecuteSql(sql));
  }

  /** Inserts rows, column name to value; values are bound (literals in an offline script). */
  public void bulkInsert(String table, List<Map<String, Object>> rows) {
    sink.apply(new SchemaChange.InsertRows(schema, table, rows));
  }
}
