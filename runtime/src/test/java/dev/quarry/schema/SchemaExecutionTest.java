package dev.quarry.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Connection;
import dev.quarry.engine.DatabaseException;
import dev.quarry.engine.ForeignKeyViolationException;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.Table;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import dev.quarry.types.SqlTypes;
import java.util.ArrayList;
import java.util.List;

/** createAll / dropAll / create / drop with check-first, executed on every database. */
class SchemaExecutionTest {
  /** The number {@code sql} selects; its double-quoted names are quoted for the database. */
  private static long count(TestDatabase db, String sql) {
    try (Connection c = db.engine().connect()) {
      return ((Number) c.execute(RawSql.of(db.quoted(sql))).scalar()).longValue();
    }
  }

  /** Runs statements whose double-quoted names are quoted for the database. */
  private static void execute(TestDatabase db, String... statements) {
    for (String sql : statements) {
      db.execute(db.quoted(sql));
    }
  }

  @AllDatabases
  void createAllTwiceCreatesOnceAndLeavesExistingTablesAlone(TestDatabase db) {
    Metadata m = Metadata.of(new ShopTables.OrderLines(), new ShopTables.Orders(), new ShopTables.Users(db.vendor()));
    assertEquals(m.createStatements(db.vendor()), m.createAll(db.engine()));
    assertEquals(List.of(), m.createAll(db.engine()), "everything exists: nothing to run");
    // an index no foreign key needs (MariaDB refuses to drop the one backing a key)
    execute(db, db.vendor() == Vendor.MARIADB ? "DROP INDEX ux_lines_sku ON order_lines"
        : "DROP INDEX ux_lines_sku");
    assertEquals(List.of(), m.createAll(db.engine()),
        "an existing table is left alone, its indexes included: changing it is a migration's job");
    execute(db, "INSERT INTO users (name, email) VALUES ('ann', 'ann@example.com')",
        "INSERT INTO orders (id, user_id) VALUES (1, 1)",
        "INSERT INTO order_lines (order_id, line, sku) VALUES (1, 1, 'A')");
    assertEquals(1, count(db, "SELECT COUNT(*) FROM orders WHERE status = 'new'"), "server default");
    assertEquals(1, count(db, "SELECT id FROM users"), "identity assigned the key");
    execute(db, "DELETE FROM users");
    assertEquals(0, count(db, "SELECT COUNT(*) FROM order_lines"), "ON DELETE CASCADE through two levels");
    assertThrows(DatabaseException.class, () -> m.createAll(db.engine(), false), "without check-first it fails");
    assertEquals(m.dropStatements(db.vendor()), m.dropAll(db.engine()));
    assertEquals(List.of(), m.dropAll(db.engine()), "nothing left to drop");
  }

  @AllDatabases
  void sequencesAreCreatedWithTheirAllocationSize(TestDatabase db) {
    Metadata m = Metadata.of(new ShopTables.Users(db.vendor()), new ShopTables.Orders());
    m.createAll(db.engine());
    if (db.vendor() == Vendor.SQLITE) {
      assertFalse(m.createStatements(db.vendor()).stream().anyMatch(s -> s.contains("SEQUENCE")));
      return;
    }
    String next = db.vendor() == Vendor.POSTGRESQL ? "SELECT nextval('orders_seq')"
        : "SELECT NEXT VALUE FOR orders_seq";
    assertEquals(1, count(db, next));
    assertEquals(51, count(db, next), "INCREMENT BY the allocation size");
    assertEquals(List.of(), m.createAll(db.engine()), "an existing sequence is skipped");
    m.dropAll(db.engine());
    assertEquals(List.of(), m.dropAll(db.engine()));
  }

  @AllDatabases
  void unboundedTextColumnsCanBeIndexedAndCompared(TestDatabase db) {
    Table notes = Table.builder("notes").column(ColumnSpec.of("body", SqlTypes.TEXT))
        .index("ix_notes_body", false, "body").build();
    Metadata.of(notes).createAll(db.engine());
    String longBody = "x".repeat(100_000);
    execute(db, "INSERT INTO notes (body) VALUES ('" + longBody + "')");
    assertEquals(1, count(db, "SELECT COUNT(*) FROM notes WHERE body = '" + longBody + "'"));
  }

  @AllDatabases
  void namesWithLikeWildcardsAreComparedExactly(TestDatabase db) {
    execute(db, "CREATE TABLE abc (x INTEGER)", "CREATE TABLE \"per cent\" (x INTEGER)");
    Table underscore = Table.builder("a_c").column(ColumnSpec.of("x", SqlTypes.INTEGER)).build();
    Table percent = Table.builder("per % cent").column(ColumnSpec.of("x", SqlTypes.INTEGER)).build();
    assertEquals(2, Metadata.of(underscore, percent).createAll(db.engine()).size(),
        "a_c and 'per % cent' are not abc and 'per cent'");
  }

  @AllDatabases
  void caseFollowsTheDatabase(TestDatabase db) {
    execute(db, "CREATE TABLE \"Users\" (x INTEGER)");
    Table lower = Table.builder("users").column(ColumnSpec.of("x", SqlTypes.INTEGER)).build();
    List<String> ran = Metadata.of(lower).createAll(db.engine());
    if (db.vendor() == Vendor.SQLITE) {
      assertEquals(List.of(), ran, "SQLite: \"Users\" and users are the same table");
    } else {
      assertEquals(1, ran.size(), "quoted \"Users\" and users are different tables");
      assertEquals(List.of(db.quoted("DROP TABLE users")), Metadata.of(lower).dropAll(db.engine()));
      assertEquals(0, count(db, "SELECT COUNT(*) FROM \"Users\""), "the other table is still there");
    }
  }

  @AllDatabases
  void cyclesAreCreatedEnforcedAndDropped(TestDatabase db) {
    Metadata m = Metadata.of(ShopTables.employees(), ShopTables.departments());
    m.createAll(db.engine());
    execute(db, "INSERT INTO departments (id) VALUES (1)",
        "INSERT INTO employees (id, dept_id) VALUES (10, 1)",
        "UPDATE departments SET manager_id = 10 WHERE id = 1");
    ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class,
        () -> execute(db, "UPDATE departments SET manager_id = 99 WHERE id = 1"));
    if (db.vendor() != Vendor.SQLITE) {
      assertTrue(e.getMessage().contains("fk_dept_manager"), "names the key added by ALTER TABLE: " + e.getMessage());
    }
    assertThrows(ForeignKeyViolationException.class,
        () -> execute(db, "INSERT INTO employees (id, dept_id) VALUES (11, 42)"));
    m.dropAll(db.engine());
    assertTrue(m.dropAll(db.engine()).isEmpty());
  }

  @AllDatabases
  void createAndDropOneTableInsideTheCallersTransaction(TestDatabase db) {
    Table notes = Table.builder("notes").column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
        .column(ColumnSpec.of("body", SqlTypes.varchar(200)).notNull()).index("ix_notes_body", false, "body").build();
    List<String> ran = new ArrayList<>();
    db.engine().runInTransaction(c -> {
      ran.addAll(Metadata.create(c, notes));
      c.executeUpdate(RawSql.of(db.quoted("INSERT INTO notes (body) VALUES ('hi')")));
    });
    assertEquals(Metadata.createStatements(notes, db.vendor()), ran);
    assertEquals(1, count(db, "SELECT COUNT(*) FROM notes"));
    assertThrows(DatabaseException.class, () -> Metadata.create(db.engine(), notes), "exists already");
    assertEquals(List.of(db.quoted("DROP TABLE notes")), Metadata.drop(db.engine(), notes));
    assertThrows(DatabaseException.class, () -> Metadata.drop(db.engine(), notes), "gone already");
  }

  @AllDatabases({TestDatabase.Kind.SQLITE, TestDatabase.Kind.POSTGRES})
  void aFailingCreateAllLeavesNothingBehindWhereDdlIsTransactional(TestDatabase db) {
    Table good = Table.builder("good").column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey()).build();
    Table bad = Table.builder("bad").column(ColumnSpec.of("id", SqlTypes.INTEGER).serverDefault("no_such_fn(")).build();
    assertThrows(DatabaseException.class, () -> Metadata.of(good, bad).createAll(db.engine()));
    assertEquals(List.of("CREATE TABLE good (\n  id INTEGER NOT NULL,\n  PRIMARY KEY (id)\n)"),
        Metadata.of(good).createAll(db.engine()), "the first table was rolled back with the failure");
  }

  @AllDatabases({TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRES})
  void schemaQualifiedTablesAreCheckedInTheirOwnSchema(TestDatabase db) {
    db.execute("CREATE SCHEMA \"Shop\"");
    Table plain = Table.builder("items").column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey()).build();
    Table qualified = Table.builder("Shop", "items").column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey())
        .column(ColumnSpec.of("parent_id", SqlTypes.INTEGER))
        .foreignKey("fk_shop_items_parent", List.of("parent_id"), "items", List.of("id"),
            dev.quarry.sql.ReferentialAction.CASCADE)
        .index("ix_shop_items_parent", false, "parent_id").build();
    assertEquals(List.of("CREATE TABLE items (\n  id INTEGER NOT NULL,\n  PRIMARY KEY (id)\n)"),
        Metadata.of(plain).createAll(db.engine()));
    Metadata shop = Metadata.of(qualified);
    assertEquals(2, shop.createAll(db.engine()).size(), "items in the default schema is another table");
    assertEquals(List.of(), shop.createAll(db.engine()));
    db.execute("INSERT INTO \"Shop\".items (id) VALUES (1)",
        "INSERT INTO \"Shop\".items (id, parent_id) VALUES (2, 1)");
    assertThrows(ForeignKeyViolationException.class,
        () -> db.execute("INSERT INTO \"Shop\".items (id, parent_id) VALUES (3, 9)"),
        "the key references Shop.items, the referencing table's own schema");
    assertEquals(List.of("DROP TABLE \"Shop\".items"), shop.dropAll(db.engine()));
    assertEquals(0, count(db, "SELECT COUNT(*) FROM items"));
  }

  @AllDatabases({TestDatabase.Kind.SQLITE, TestDatabase.Kind.POSTGRES})
  void ddlGoesThroughTheEngineAndTheCallersTransaction(TestDatabase db) {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    db.engine().addListener(new dev.quarry.engine.EngineListener() {
      @Override
      public void beforeExecute(String sql, List<dev.quarry.engine.Parameter> parameters) {
        seen.add(sql);
      }
    });
    Metadata m = Metadata.of(new ShopTables.Users(db.vendor()));
    try (Connection c = db.engine().connect()) {
      dev.quarry.engine.Transaction tx = c.begin();
      assertEquals(m.createStatements(db.vendor()), m.createAll(c));
      tx.rollback();
    }
    assertTrue(seen.containsAll(m.createStatements(db.vendor())), "listeners see the DDL: " + seen);
    assertEquals(m.createStatements(db.vendor()), m.createAll(db.engine()),
        "rolled back with the caller's transaction, so created again");
  }
}
