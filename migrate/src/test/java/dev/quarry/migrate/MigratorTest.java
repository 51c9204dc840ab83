package dev.quarry.migrate;

import static dev.quarry.migrate.TestRevisions.info;
import static dev.quarry.migrate.TestRevisions.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Row;
import dev.quarry.schema.ColumnModel;
import dev.quarry.schema.Metadata;
import dev.quarry.schema.SchemaChange;
import dev.quarry.schema.SchemaChanges;
import dev.quarry.schema.SchemaModel;
import dev.quarry.schema.TableModel;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.Table;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.TypeKind;
import dev.quarry.types.Vendor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** The migrator against each database: runs, the version table, the lock, failures, offline parity, check. */
class MigratorTest {
  private static Migrator migrator(TestDatabase db, Revisions revisions) {
    return Migrator.builder(db.engine()).revisions(revisions).build();
  }

  private static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }

  private static Set<String> liveTables(TestDatabase db) {
    return Metadata.reflect(db.engine()).tables().stream().map(TableModel::name).collect(Collectors.toSet());
  }

  private static long count(TestDatabase db, String table) {
    return db.engine().withConnection(c -> {
      try (var r = c.execute(new RawStatement("SELECT COUNT(*) FROM " + db.quote(table)))) {
        return ((Number) r.scalar()).longValue();
      }
    });
  }

  @AllDatabases
  void upgradeAndDowngradeMoveTheVersionTable(TestDatabase db) {
    Migrator m = migrator(db, TestRevisions.linear());
    assertEquals(List.of(), m.current());
    assertFalse(liveTables(db).contains("quarry_version"), "current() creates nothing");

    assertEquals(List.of("a1"), ids(m.upgrade("+1")));
    assertEquals(List.of("a1"), m.current());
    assertEquals(List.of("b2", "c3"), ids(m.upgrade("head")));
    assertEquals(List.of("c3"), m.current());
    assertEquals(1, count(db, "users"));
    assertEquals(List.of(), ids(m.upgrade("head")));

    assertEquals(List.of("c3"), ids(m.downgrade("-1")));
    assertEquals(List.of("b2"), m.current());
    assertEquals(0, count(db, "users"));
    assertEquals(List.of("b2", "a1"), ids(m.downgrade("base")));
    assertEquals(List.of(), m.current());
    assertEquals(List.of(), m.databaseModel().tables());
    Set<String> left = liveTables(db);
    left.removeAll(Set.of("quarry_version", "quarry_version_lock"));
    assertEquals(Set.of(), left);
  }

  @AllDatabases
  void stampRecordsTargetsWithoutRunningThem(TestDatabase db) {
    Migrator m = migrator(db, RevisionsTest.branched());
    m.stamp("heads");
    assertEquals(List.of("b2", "c2"), m.current());
    assertFalse(liveTables(db).contains("users"));
    m.stamp("billing@head");
    assertEquals(List.of("b2"), m.current());
    m.stamp("base");
    assertEquals(List.of(), m.current());
    MigrationException unknown = assertThrows(MigrationException.class, () -> m.stamp("zz"));
    assertTrue(unknown.getMessage().contains("no revision 'zz'"), unknown.getMessage());

    db.execute("INSERT INTO " + db.quote("quarry_version") + " VALUES ('gone1')");
    MigrationException gone = assertThrows(MigrationException.class, m::current);
    assertTrue(gone.getMessage().contains("names revision gone1, which these revisions do not have"), gone.getMessage());
  }

  static Table table(String name) {
    return Table.builder(name).column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey()).build();
  }

  static Migration creates(String name) {
    return of(op -> op.createTable(table(name)), op -> op.dropTable(name));
  }

  @AllDatabases
  void branchesWithLabelsAndAMerge(TestDatabase db) {
    Revisions r = Revisions.of(List.of(
        info("a1", List.of(), "users", TestRevisions.CreateUsers::new),
        new RevisionInfo("b1", List.of("a1"), List.of("billing"), List.of(), "invoices", () -> creates("invoices")),
        new RevisionInfo("c1", List.of("a1"), List.of("crm"), List.of(), "contacts", () -> creates("contacts")),
        info("m1", List.of("b1", "c1"), "merge billing and crm", () -> of(op -> {}, op -> {}))));
    Migrator m = migrator(db, r);
    assertEquals(List.of("a1", "b1"), ids(m.upgrade("billing@+1")));
    assertEquals(List.of("b1"), m.current());
    assertEquals(List.of("c1"), ids(m.upgrade("crm@+1")));
    assertEquals(List.of("b1", "c1"), m.current());
    assertEquals(List.of("m1"), ids(m.upgrade("head")));
    assertEquals(List.of("m1"), m.current(), "a merge leaves one row");
    assertEquals(List.of("m1"), ids(m.downgrade("b1")));
    assertEquals(List.of("b1", "c1"), m.current());
    assertEquals(List.of("c1"), ids(m.downgrade("crm@base")));
    assertEquals(List.of("b1"), m.current());
    assertTrue(liveTables(db).containsAll(Set.of("users", "invoices")));
    assertFalse(liveTables(db).contains("contacts"));
    assertEquals(List.of("b1", "a1"), ids(m.downgrade("base")));
    assertEquals(List.of(), m.databaseModel().tables());
  }

  /** Every operation, one revision each, with its inverse as the downgrade. */
  static Revisions everyOperation() {
    List<RevisionInfo> list = new ArrayList<>();
    String[] previous = {null};
    java.util.function.BiConsumer<String, Migration> add = (id, migration) -> {
      list.add(info(id, previous[0] == null ? List.of() : List.of(previous[0]), id, () -> migration));
      previous[0] = id;
    };
    add.accept("r01_items", of(op -> op.createTable(Table.builder("items")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("name", SqlTypes.varchar(50)).notNull())
        .column(ColumnSpec.of("price", SqlTypes.INTEGER))
        .build()), op -> op.dropTable("items")));
    add.accept("r02_rows", of(op -> op.bulkInsert("items", List.of(row(1L, "a", 10), row(2L, "b", null))),
        op -> op.execute("DELETE FROM items")));
    add.accept("r03_add_note", of(op -> op.addColumn("items", ColumnSpec.of("note", SqlTypes.varchar(20))),
        op -> op.dropColumn("items", "note")));
    add.accept("r04_rename_note", of(op -> op.renameColumn("items", "note", "remark"),
        op -> op.renameColumn("items", "remark", "note")));
    add.accept("r05_price_type", of(op -> op.alterColumnType("items", "price", SqlTypes.BIGINT),
        op -> op.alterColumnType("items", "price", SqlTypes.INTEGER)));
    add.accept("r06_name_nullable", of(op -> op.alterColumnNullable("items", "name", true),
        op -> op.alterColumnNullable("items", "name", false)));
    add.accept("r07_price_default", of(op -> op.alterColumnDefault("items", "price", "0"),
        op -> op.alterColumnDefault("items", "price", null)));
    add.accept("r08_index", of(op -> op.createIndex("ix_items_name", "items", "name"),
        op -> op.dropIndex("ix_items_name", "items")));
    add.accept("r09_unique_index", of(op -> op.createUniqueIndex("ux_items_name_id", "items", "name", "id"),
        op -> op.dropIndex("ux_items_name_id", "items")));
    add.accept("r10_unique", of(op -> op.createUniqueConstraint("uq_items_name_price", "items", "name", "price"),
        op -> op.dropConstraint("uq_items_name_price", "items", SchemaChange.ConstraintKind.UNIQUE)));
    add.accept("r11_tags_fk", of(op -> {
      op.createTable(Table.builder("tags").column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
          .column(ColumnSpec.of("item_id", SqlTypes.BIGINT)).build());
      op.createForeignKey("fk_tags_item", "tags", "item_id", "items", "id");
    }, op -> {
      op.dropConstraint("fk_tags_item", "tags", SchemaChange.ConstraintKind.FOREIGN_KEY);
      op.dropTable("tags");
    }));
    add.accept("r12_check", of(op -> op.createCheckConstraint("ck_items_price", "items", "price >= 0"),
        op -> op.dropConstraint("ck_items_price", "items", SchemaChange.ConstraintKind.CHECK)));
    add.accept("r13_rename_table", of(op -> op.renameTable("items", "goods"), op -> op.renameTable("goods", "items")));
    add.accept("r14_sequence", of(op -> {
      if (dev.quarry.sql.internal.Dialect.of(op.vendor()).supportsSequences()) {
        op.createSequence("seq_goods", 1);
        op.alterSequence("seq_goods", 5);
      }
    }, op -> {
      if (dev.quarry.sql.internal.Dialect.of(op.vendor()).supportsSequences()) {
        op.dropSequence("seq_goods");
      }
    }));
    add.accept("r15_enum", of(op -> {
      if (op.vendor() == Vendor.POSTGRESQL) {
        op.createEnumType("mood", "happy", "sad");
      }
    }, op -> {
      if (op.vendor() == Vendor.POSTGRESQL) {
        op.dropEnumType("mood");
      }
    }));
    add.accept("r16_drop_remark", of(op -> op.dropColumn("goods", "remark"),
        op -> op.addColumn("goods", ColumnSpec.of("remark", SqlTypes.varchar(20)))));
    return Revisions.of(list);
  }

  private static Map<String, Object> row(Long id, String name, Integer price) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("name", name);
    row.put("price", price);
    return row;
  }

  @AllDatabases
  void everyOperationUpAndDown(TestDatabase db) {
    Migrator m = migrator(db, everyOperation());
    m.upgrade("head");
    SchemaModel at = m.databaseModel();
    TableModel goods = at.table("goods");
    assertNotNull(goods, at.toString());
    assertNull(at.table("items"));
    assertEquals(List.of("id", "name", "price"), goods.columns().stream().map(ColumnModel::name).toList());
    assertEquals(TypeKind.BIGINT, goods.column("price").type().kind());
    assertTrue(goods.column("name").nullable());
    assertNotNull(goods.column("price").serverDefault());
    assertTrue(goods.indexes().stream().anyMatch(i -> i.name().equals("ix_items_name")), goods.indexes().toString());
    assertTrue(goods.checks().stream().anyMatch(c -> c.name().equals("ck_items_price")), goods.checks().toString());
    assertEquals("goods", at.table("tags").foreignKeys().get(0).targetTable());
    assertEquals(2, count(db, "goods"), "rows survive rebuilds and renames");
    if (dev.quarry.sql.internal.Dialect.of(db.vendor()).supportsSequences()) {
      assertTrue(at.sequences().stream().anyMatch(s -> s.name().equals("seq_goods")), at.sequences().toString());
    }

    // down one at a time to the first revision, then to base
    while (m.current().size() == 1 && !m.current().get(0).equals("r01_items")) {
      assertEquals(1, m.downgrade("-1").size());
    }
    SchemaModel first = m.databaseModel();
    assertEquals(List.of("items"), first.tables().stream().map(TableModel::name).toList());
    assertEquals(Migrator.builder(db.engine()).revisions(everyOperation()).build().current(), List.of("r01_items"));
    TableModel items = first.table("items");
    assertEquals(List.of("id", "name", "price"), items.columns().stream().map(ColumnModel::name).toList());
    assertFalse(items.column("name").nullable());
    assertEquals(0, count(db, "items"));
    m.downgrade("base");
    assertEquals(new SchemaModel(List.of(), List.of()), m.databaseModel());
  }

  @AllDatabases
  void aSecondMigratorWaitsForTheLockOrTimesOut(TestDatabase db) throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Revisions r = Revisions.of(List.of(
        info("a1", List.of(), "users, then wait", () -> of(op -> {
          op.createTable(TestRevisions.users());
          inside.countDown();
          try {
            if (!release.await(60, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the test never released the first migrator");
            }
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }, op -> op.dropTable("users"))),
        info("b2", List.of("a1"), "orders", TestRevisions.CreateOrders::new)));
    CompletableFuture<List<RevisionInfo>> first = CompletableFuture.supplyAsync(() -> migrator(db, r).upgrade("a1"));
    try {
      assertTrue(inside.await(30, TimeUnit.SECONDS), "the first migrator started its revision");

      Migrator impatient = Migrator.builder(db.engine()).revisions(r).lockTimeout(Duration.ofMillis(300)).build();
      long start = System.nanoTime();
      MigrationLockException e = assertThrows(MigrationLockException.class, () -> impatient.upgrade("head"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 10_000, "gave up after " + millis + " ms");
      assertTrue(e.getMessage().contains("within 300 ms") && e.getMessage().contains("migration lock"),
          e.getMessage());

      Migrator patient = Migrator.builder(db.engine()).revisions(r).lockTimeout(Duration.ofSeconds(60)).build();
      CompletableFuture<List<RevisionInfo>> second = CompletableFuture.supplyAsync(() -> patient.upgrade("head"));
      assertThrows(TimeoutException.class, () -> second.get(500, TimeUnit.MILLISECONDS), "the second waits");
      release.countDown();
      assertEquals(List.of("a1"), ids(first.get(60, TimeUnit.SECONDS)));
      assertEquals(List.of("b2"), ids(second.get(60, TimeUnit.SECONDS)), "then proceeds from where the first left");
      assertEquals(List.of("b2"), patient.current());
    } finally {
      release.countDown();
      try {
        first.get(60, TimeUnit.SECONDS);
      } catch (ExecutionException ignored) {
        // reported by the assertions above
      }
    }
  }

  @AllDatabases
  void aFailedRevisionSaysWhatStaysApplied(TestDatabase db) {
    Revisions r = Revisions.of(List.of(
        info("a1", List.of(), "users", TestRevisions.CreateUsers::new),
        info("b2", List.of("a1"), "orders and a bad statement", () -> of(op -> {
          op.createTable(TestRevisions.orders());
          op.execute("INSERT INTO no_such_table (id) VALUES (1)");
          op.createTable(table("never"));
        }, op -> op.dropTable("orders")))));
    Migrator m = migrator(db, r);
    MigrationException e = assertThrows(MigrationException.class, () -> m.upgrade("head"));
    String message = e.getMessage();
    assertTrue(message.startsWith("revision b2 (upgrade a1 -> b2, orders and a bad statement) failed at change"
        + " 'execute INSERT INTO no_such_table (id) VALUES (1)', statement: INSERT INTO no_such_table"), message);
    assertTrue(message.contains("the version table still says [a1]"), message);
    assertTrue(message.contains("Revisions of this run that completed and stay applied: [a1]"), message);
    assertEquals(List.of("a1"), m.current());
    assertFalse(liveTables(db).contains("never"));
    boolean transactional = db.vendor() == Vendor.POSTGRESQL || db.vendor() == Vendor.SQLITE;
    if (transactional) {
      assertTrue(message.contains("rolled back: none of its statements stays applied"), message);
      assertFalse(liveTables(db).contains("orders"), "rolled back entirely");
    } else {
      assertTrue(message.contains("these 1 statement(s) of the revision ran and stay applied:\n  1. CREATE TABLE"),
          message);
      assertTrue(liveTables(db).contains("orders"), "committed as it ran");
    }
  }

  /** The statements of an offline script, without comments and transaction brackets (a connection's own). */
  private static List<String> scriptStatements(String script) {
    List<String> out = new ArrayList<>();
    for (String s : script.split(";\n")) {
      String statement = Arrays.stream(s.split("\n")).filter(l -> !l.startsWith("--") && !l.isBlank())
          .collect(Collectors.joining("\n")).strip();
      if (!statement.isEmpty() && !statement.equals("BEGIN") && !statement.equals("COMMIT")) {
        out.add(statement);
      }
    }
    return out;
  }

  @AllDatabases
  void theOfflineScriptIsWhatTheOnlineRunExecutes(TestDatabase db) {
    Revisions r = everyOperation();
    List<String> executed = new ArrayList<>();
    Migrator m = Migrator.builder(db.engine()).revisions(r).statementListener(executed::add).build();
    m.upgrade("head");
    // rows are bound online and literals offline: compare everything else
    java.util.function.Predicate<String> notRows = s -> !s.startsWith("INSERT INTO " + db.quote("items"));
    assertEquals(scriptStatements(r.sql(db.vendor(), "base:head")).stream().filter(notRows).toList(),
        executed.stream().filter(notRows).toList());
    executed.clear();
    m.downgrade("base");
    assertEquals(scriptStatements(r.sql(db.vendor(), "heads:base")), executed);
  }

  @AllDatabases
  void checkIsEmptyAtHeadOfRevisionsThatMirrorTheModel(TestDatabase db) {
    SchemaModel model = SchemaModel.of(List.of(TestRevisions.users(), TestRevisions.orders()));
    Migrator m = Migrator.builder(db.engine()).revisions(TestRevisions.linear()).model(model).build();
    m.upgrade("a1");
    MigrationException behind = assertThrows(MigrationException.class, m::check);
    assertEquals("the database is not up to date: current [a1], head [c3]; upgrade first", behind.getMessage());
    m.upgrade("head");
    SchemaChanges.Diff diff = m.check();
    assertTrue(diff.isEmpty(), diff.changes().toString());

    Table usersWithEmail = Table.builder("users")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
        .column(ColumnSpec.of("name", SqlTypes.varchar(100)).notNull())
        .column(ColumnSpec.of("email", SqlTypes.varchar(200)))
        .build();
    Migrator.Autogenerated auto = Migrator.builder(db.engine()).revisions(TestRevisions.linear())
        .model(SchemaModel.of(List.of(usersWithEmail, TestRevisions.orders()))).build()
        .autogenerate(SchemaChanges.Renames.NONE);
    assertEquals(List.of("add column users.email"), auto.upgrade().changes().stream().map(SchemaChange::describe)
        .toList());
    assertEquals(List.of("drop column users.email"), auto.downgrade().changes().stream().map(SchemaChange::describe)
        .toList());
  }

  /** In-memory SQLite has one connection and no file to lock: the run takes no lock and still works. */
  @org.junit.jupiter.api.Test
  void inMemorySqliteRunsOnItsOneConnection() {
    try (TestDatabase db = TestDatabase.sqliteInMemory()) {
      Migrator m = Migrator.builder(db.engine()).revisions(TestRevisions.linear()).lockTimeout(Duration.ZERO).build();
      assertEquals(List.of("a1", "b2", "c3"), ids(m.upgrade("head")));
      assertEquals(List.of("c3"), m.current());
      assertEquals(List.of("c3", "b2", "a1"), ids(m.downgrade("base")));
      assertEquals(List.of(), m.databaseModel().tables());
    }
  }
}
