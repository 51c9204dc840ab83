package dev.quarry.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.schema.SchemaChange.AddCheck;
import dev.quarry.schema.SchemaChange.AddColumn;
import dev.quarry.schema.SchemaChange.AddForeignKey;
import dev.quarry.schema.SchemaChange.AddUnique;
import dev.quarry.schema.SchemaChange.AlterColumnDefault;
import dev.quarry.schema.SchemaChange.AlterColumnNullable;
import dev.quarry.schema.SchemaChange.AlterColumnType;
import dev.quarry.schema.SchemaChange.AlterSequence;
import dev.quarry.schema.SchemaChange.ConstraintKind;
import dev.quarry.schema.SchemaChange.CreateIndex;
import dev.quarry.schema.SchemaChange.CreateSequence;
import dev.quarry.schema.SchemaChange.CreateTable;
import dev.quarry.schema.SchemaChange.DropColumn;
import dev.quarry.schema.SchemaChange.DropConstraint;
import dev.quarry.schema.SchemaChange.DropIndex;
import dev.quarry.schema.SchemaChange.DropSequence;
import dev.quarry.schema.SchemaChange.DropTable;
import dev.quarry.schema.SchemaChange.RenameColumn;
import dev.quarry.schema.SchemaChange.RenameTable;
import dev.quarry.sql.CheckDef;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.Table;
import dev.quarry.sql.UniqueDef;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * Every change run on each database and then its inverse: what the database reads back
 * ({@link Metadata#reflect}) is what {@link SchemaModel#apply} said, as the database keeps it, and
 * the rows are still there — across SQLite's table rebuilds too, including the rebuild of a table
 * other tables' rows reference.
 */
class SchemaChangeExecutionTest {

  static Table users(Vendor vendor) {
    return Table.builder("users")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("name", SqlTypes.varchar(100)).notNull())
        .column(ColumnSpec.of("email", SqlTypes.varchar(200)))
        .column(ColumnSpec.of("age", SqlTypes.INTEGER).notNull().serverDefault("0"))
        .index("ix_users_email", false, "email")
        .build();
  }

  static Table orders() {
    return Table.builder("orders")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("user_id", SqlTypes.BIGINT).notNull())
        .column(ColumnSpec.of("total", SqlTypes.decimal(10, 2)).notNull().serverDefault("0"))
        .foreignKey("fk_orders_user", List.of("user_id"), null, "users", List.of("id"), ReferentialAction.CASCADE,
            ReferentialAction.DEFAULT)
        .build();
  }

  /** Each change with the change that undoes it. */
  static List<SchemaChange[]> changesAndInverses(Vendor vendor) {
    Dialect d = Dialect.of(vendor);
    List<SchemaChange[]> out = new ArrayList<>();
    out.add(pair(new AddColumn(null, "users", new ColumnModel("nickname", SqlTypes.varchar(50), true, false, false,
        null)), new DropColumn(null, "users", "nickname")));
    out.add(pair(new AddColumn(null, "users", new ColumnModel("score", SqlTypes.INTEGER, false, false, false, "7")),
        new DropColumn(null, "users", "score")));
    out.add(pair(new AddColumn(null, "users", new ColumnModel("code", SqlTypes.varchar(20), true, false, true, null)),
        new DropColumn(null, "users", "code")));
    out.add(pair(new RenameColumn(null, "users", "age", "years"), new RenameColumn(null, "users", "years", "age")));
    out.add(pair(new AlterColumnType(null, "users", "name", SqlTypes.varchar(150)),
        new AlterColumnType(null, "users", "name", SqlTypes.varchar(100))));
    out.add(pair(new AlterColumnType(null, "orders", "total", SqlTypes.decimal(12, 3)),
        new AlterColumnType(null, "orders", "total", SqlTypes.decimal(10, 2))));
    out.add(pair(new AlterColumnNullable(null, "users", "name", true),
        new AlterColumnNullable(null, "users", "name", false)));
    out.add(pair(new AlterColumnNullable(null, "users", "email", false),
        new AlterColumnNullable(null, "users", "email", true)));
    out.add(pair(new AlterColumnDefault(null, "users", "age", "18"), new AlterColumnDefault(null, "users", "age", "0")));
    out.add(pair(new AlterColumnDefault(null, "users", "email", "'none'"),
        new AlterColumnDefault(null, "users", "email", null)));
    out.add(pair(new CreateIndex(null, "users", new IndexDef("ix_users_name_age", List.of("name", "age"), false)),
        new DropIndex(null, "users", "ix_users_name_age")));
    out.add(pair(new DropIndex(null, "users", "ix_users_email"),
        new CreateIndex(null, "users", new IndexDef("ix_users_email", List.of("email"), false))));
    out.add(pair(new AddUnique(null, "users", new UniqueDef("uq_users_name", List.of("name"))),
        new DropConstraint(null, "users", "uq_users_name", ConstraintKind.UNIQUE)));
    out.add(pair(new AddCheck(null, "users", new CheckDef("ck_users_age", d.quote("age") + " >= 0")),
        new DropConstraint(null, "users", "ck_users_age", ConstraintKind.CHECK)));
    out.add(pair(new DropConstraint(null, "orders", "fk_orders_user", ConstraintKind.FOREIGN_KEY),
        new AddForeignKey(null, "orders", new ForeignKey("fk_orders_user", List.of("user_id"), null, "users",
            List.of("id"), ReferentialAction.CASCADE, ReferentialAction.DEFAULT))));
    out.add(pair(new RenameTable(null, "orders", "purchases"), new RenameTable(null, "purchases", "orders")));
    TableModel notes = new TableModel(null, "notes", List.of(
        new ColumnModel("id", SqlTypes.INTEGER, false, true, false, null),
        new ColumnModel("user_id", SqlTypes.BIGINT, true, false, false, null),
        new ColumnModel("body", SqlTypes.TEXT, true, false, false, null)), List.of("id"),
        List.of(new ForeignKey("fk_notes_user", List.of("user_id"), null, "users", List.of("id"),
            ReferentialAction.SET_NULL, ReferentialAction.DEFAULT)),
        List.of(), List.of(), List.of(new IndexDef("ix_notes_user", List.of("user_id"), false)));
    out.add(pair(new CreateTable(notes), new DropTable(null, "notes")));
    if (d.supportsSequences()) {
      out.add(pair(new CreateSequence(new SequenceDef(null, "invoice_seq", 10)), new DropSequence(null,
          "invoice_seq")));
      out.add(pair(new AlterSequence(null, "orders_seq", 5), new AlterSequence(null, "orders_seq", 50)));
    }
    return out;
  }

  private static SchemaChange[] pair(SchemaChange change, SchemaChange inverse) {
    return new SchemaChange[] {change, inverse};
  }

  @AllDatabases
  void everyChangeAndItsInverseLeaveTheSchemaTheModelSaysAndKeepTheRows(TestDatabase db) throws SQLException {
    Vendor vendor = db.vendor();
    List<Table> tables = new ArrayList<>(List.of(users(vendor), orders()));
    Metadata.of(tables).createAll(db.engine());
    SchemaModel model = SchemaModel.of(tables);
    if (Dialect.of(vendor).supportsSequences()) {
      run(db, List.of(new CreateSequence(new SequenceDef(null, "orders_seq", 50))), model);
      model = model.apply(new CreateSequence(new SequenceDef(null, "orders_seq", 50)));
    }
    db.execute("INSERT INTO users (id, name, email) VALUES (1, 'Ada', 'ada@example.com')",
        "INSERT INTO users (id, name, email, age) VALUES (2, 'Bob', 'bob@example.com', 30)",
        "INSERT INTO orders (id, user_id, total) VALUES (10, 1, 12.50)",
        "INSERT INTO orders (id, user_id, total) VALUES (11, 2, 3)");
    assertSchema(db, model, "as created");

    for (SchemaChange[] pair : changesAndInverses(vendor)) {
      SchemaModel changed = model.apply(pair[0]);
      run(db, List.of(pair[0]), model);
      assertSchema(db, changed, pair[0].describe());
      run(db, List.of(pair[1]), changed);
      assertSchema(db, changed.apply(pair[1]), pair[0].describe() + ", then " + pair[1].describe());
      assertEquals(model, changed.apply(pair[1]), "the inverse of " + pair[0].describe());
      assertEquals("1 Ada ada@example.com 0|2 Bob bob@example.com 30", rows(db,
          "SELECT id, name, email, age FROM users ORDER BY id"), "users' rows after " + pair[0].describe());
      assertEquals("10 1 12.5|11 2 3", rows(db, "SELECT id, user_id, total FROM orders ORDER BY id"),
          "orders' rows after " + pair[0].describe());
    }
  }

  @AllDatabases
  void changesToOneTableAreOneRebuildAndKeepTheRowsThatReferenceIt(TestDatabase db) throws SQLException {
    Vendor vendor = db.vendor();
    Metadata.of(users(vendor), orders()).createAll(db.engine());
    SchemaModel model = SchemaModel.of(List.of(users(vendor), orders()));
    db.execute("INSERT INTO users (id, name, email, age) VALUES (1, 'Ada', 'ada@example.com', 36)",
        "INSERT INTO users (id, name, email, age) VALUES (2, 'Bob', NULL, 30)",
        "INSERT INTO orders (id, user_id, total) VALUES (10, 1, 12.50)",
        "INSERT INTO orders (id, user_id, total) VALUES (11, 2, 3)");
    List<SchemaChange> batch = List.of(
        new DropIndex(null, "users", "ix_users_email"),
        new DropColumn(null, "users", "email"),
        new AddColumn(null, "users", new ColumnModel("code", SqlTypes.varchar(20), true, false, true, null)),
        new RenameColumn(null, "users", "age", "years"),
        new AlterColumnType(null, "users", "name", SqlTypes.varchar(150)),
        new AddCheck(null, "users", new CheckDef("ck_users_years", Dialect.of(vendor).quote("years") + " >= 0")));
    SchemaModel expected = model;
    for (SchemaChange c : batch) {
      expected = expected.apply(c);
    }

    List<String> statements = SchemaChanges.statements(batch, model, vendor);
    long copies = statements.stream().filter(s -> s.startsWith("CREATE TABLE _quarry_tmp_users")).count();
    assertEquals(Dialect.of(vendor).rebuildsTableToAlter() ? 1 : 0, copies, String.join(";\n", statements));
    run(db, batch, model);

    assertSchema(db, expected, "the batch");
    assertEquals("1 Ada 36 null|2 Bob 30 null", rows(db, "SELECT id, name, years, code FROM users ORDER BY id"));
    assertEquals("10 1 12.5|11 2 3", rows(db, "SELECT id, user_id, total FROM orders ORDER BY id"));
    // The rebuilt parent is still the key's target: deleting a user cascades to its orders.
    db.execute("DELETE FROM users WHERE id = 2");
    assertEquals("10 1 12.5", rows(db, "SELECT id, user_id, total FROM orders ORDER BY id"));
  }

  @AllDatabases
  void anIdentityGoesOnCountingAfterItsTableIsChanged(TestDatabase db) throws SQLException {
    Table items = Table.builder("items")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
        .column(ColumnSpec.of("label", SqlTypes.varchar(20)))
        .column(ColumnSpec.of("spare", SqlTypes.INTEGER))
        .build();
    Metadata.of(items).createAll(db.engine());
    db.execute("INSERT INTO items (label) VALUES ('a')", "INSERT INTO items (label) VALUES ('b')",
        "INSERT INTO items (label) VALUES ('c')", "DELETE FROM items WHERE label = 'c'");
    run(db, List.of(new DropColumn(null, "items", "spare")), SchemaModel.of(List.of(items)));
    db.execute("INSERT INTO items (label) VALUES ('d')");
    assertEquals("1 a|2 b|4 d", rows(db, "SELECT id, label FROM items ORDER BY id"), "3 was handed out before");
  }

  @AllDatabases
  void rowsWrittenAsLiteralsReadBackAsTheValues(TestDatabase db) throws SQLException {
    Table t = Table.builder("facts")
        .column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("label", SqlTypes.varchar(40)))
        .column(ColumnSpec.of("day", SqlTypes.DATE))
        .column(ColumnSpec.of("ok", SqlTypes.BOOLEAN))
        .column(ColumnSpec.of("amount", SqlTypes.decimal(10, 2)))
        .build();
    Metadata.of(t).createAll(db.engine());
    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("id", 1);
    row.put("label", "O'Neil \\ 100%");
    row.put("day", java.time.LocalDate.of(2024, 5, 1));
    row.put("ok", true);
    row.put("amount", new java.math.BigDecimal("12.50"));
    java.util.Map<String, Object> nulls = new java.util.LinkedHashMap<>();
    nulls.put("id", 2);
    nulls.put("label", null);
    run(db, List.of(new SchemaChange.InsertRows(null, "facts", List.of(row, nulls))), SchemaModel.of(List.of(t)));
    try (dev.quarry.engine.Connection c = db.engine().connect()) {
      List<dev.quarry.engine.Row> read = c.execute(dev.quarry.sql.Sql.select(t.column("id"), t.column("label"),
          t.column("day"), t.column("ok"), t.column("amount")).from(t).orderBy(t.column("id").asc())).fetchAll();
      assertEquals("O'Neil \\ 100%", read.get(0).get(t.column("label")));
      assertEquals(java.time.LocalDate.of(2024, 5, 1), read.get(0).get(t.column("day")));
      assertEquals(true, read.get(0).get(t.column("ok")));
      assertEquals(0, new java.math.BigDecimal("12.5").compareTo((java.math.BigDecimal) read.get(0).get(
          t.column("amount"))));
      assertEquals(null, read.get(1).get(t.column("label")));
    }
  }

  @AllDatabases({TestDatabase.Kind.POSTGRES})
  void postgresEnumTypesAreCreatedAndDropped(TestDatabase db) throws SQLException {
    SchemaModel empty = new SchemaModel(List.of(), List.of());
    run(db, List.of(new SchemaChange.CreateEnumType(null, "mood", List.of("sad", "o'k"))), empty);
    assertEquals("sad|o'k", rows(db, "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
        + " WHERE t.typname = 'mood' ORDER BY e.enumsortorder"));
    run(db, List.of(new SchemaChange.DropEnumType(null, "mood")), empty);
    assertEquals("", rows(db, "SELECT typname FROM pg_type WHERE typname = 'mood'"));
  }

  @AllDatabases
  void aNewNotNullColumnWithADefaultFillsExistingRows(TestDatabase db) throws SQLException {
    Metadata.of(users(db.vendor()), orders()).createAll(db.engine());
    SchemaModel model = SchemaModel.of(List.of(users(db.vendor()), orders()));
    db.execute("INSERT INTO users (id, name) VALUES (1, 'Ada')");
    AddColumn add = new AddColumn(null, "users", new ColumnModel("level", SqlTypes.INTEGER, false, false, false, "3"));
    run(db, List.of(add), model);
    assertEquals("1 3", rows(db, "SELECT id, level FROM users"));
  }

  @AllDatabases
  void aChangeThatFailsOnTheDataFails(TestDatabase db) {
    Metadata.of(users(db.vendor()), orders()).createAll(db.engine());
    SchemaModel model = SchemaModel.of(List.of(users(db.vendor()), orders()));
    db.execute("INSERT INTO users (id, name) VALUES (1, 'Ada')");
    // email is NULL in the one row: NOT NULL cannot hold.
    Executable setNotNull = () -> run(db, List.of(new AlterColumnNullable(null, "users", "email", false)), model);
    assertThrows(Exception.class, setNotNull);
  }

  /**
   * Runs the changes as the migrator does: on SQLite foreign keys off around them (outside the
   * transaction) and the keys checked before commit.
   */
  static void run(TestDatabase db, List<SchemaChange> changes, SchemaModel before) throws SQLException {
    Dialect dialect = Dialect.of(db.vendor());
    try (dev.quarry.engine.Connection c = db.engine().connect(); Statement s = c.jdbc().createStatement()) {
      c.markSessionChanged();
      for (String sql : dialect.foreignKeysOffForRebuild()) {
        s.execute(sql);
      }
      boolean transactional = dialect.transactionalDdl();
      c.jdbc().setAutoCommit(!transactional);
      try {
        for (String sql : SchemaChanges.statements(changes, before, db.vendor())) {
          s.execute(sql);
        }
        if (dialect.foreignKeyViolationsQuery() != null) {
          try (ResultSet violations = s.executeQuery(dialect.foreignKeyViolationsQuery())) {
            assertTrue(!violations.next(), "foreign key violations after " + changes);
          }
        }
        if (transactional) {
          c.jdbc().commit();
        }
      } catch (SQLException | RuntimeException | Error e) {
        if (transactional) {
          c.jdbc().rollback();
        }
        throw e;
      } finally {
        c.jdbc().setAutoCommit(true);
        for (String sql : dialect.foreignKeysOnAfterRebuild()) {
          s.execute(sql);
        }
      }
    }
  }

  /** The schema read back is {@code expected} as the database keeps it (SchemaReflectionTest.asStored). */
  static void assertSchema(TestDatabase db, SchemaModel expected, String after) {
    SchemaModel read = Metadata.reflect(db.engine());
    assertEquals(expected.tables().stream().map(TableModel::qualifiedName).toList(),
        read.tables().stream().map(TableModel::qualifiedName).toList(), "tables after " + after);
    for (TableModel t : expected.tables()) {
      assertEquals(asStored(db.vendor(), t), read.table(t.schema(), t.name()),
          db.vendor() + ": " + t.name() + " after " + after);
    }
    assertEquals(expected.sequences(), read.sequences(), "sequences after " + after);
    SchemaChanges.Diff diff = SchemaChanges.diff(read, expected, db.vendor(), SchemaChanges.Renames.NONE);
    assertEquals(List.of(), diff.changes(), "diff after " + after);
  }

  /**
   * SchemaReflectionTest.asStored, and MariaDB keeping any literal decimal default at the column's
   * scale (not only the 0.00 of DECIMAL(10,2)).
   */
  static TableModel asStored(Vendor vendor, TableModel t) {
    TableModel stored = SchemaReflectionTest.asStored(vendor, t);
    if (vendor != Vendor.MARIADB) {
      return stored;
    }
    List<ColumnModel> columns = stored.columns().stream().map(c -> c.type().kind() == dev.quarry.types.TypeKind.DECIMAL
        && c.serverDefault() != null && c.serverDefault().matches("[0-9.]+")
        ? new ColumnModel(c.name(), c.type(), c.nullable(), c.autoIncrement(), c.unique(),
            new java.math.BigDecimal(c.serverDefault()).setScale(c.type().scale()).toPlainString())
        : c).toList();
    return new TableModel(stored.schema(), stored.name(), columns, stored.primaryKey(), stored.foreignKeys(),
        stored.uniques(), stored.checks(), stored.indexes());
  }

  static String rows(TestDatabase db, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (dev.quarry.engine.Connection c = db.engine().connect(); Statement s = c.jdbc().createStatement();
        ResultSet rs = s.executeQuery(query)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          values.add(v instanceof java.math.BigDecimal b ? b.stripTrailingZeros().toPlainString()
              : v instanceof Double x ? java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString()
              : String.valueOf(v));
        }
        out.add(String.join(" ", values));
      }
    }
    return String.join("|", out);
  }
}
