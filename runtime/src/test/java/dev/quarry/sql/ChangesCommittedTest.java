package dev.quarry.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.engine.Connection;
import dev.quarry.engine.DatabaseException;
import dev.quarry.engine.EngineListener;
import dev.quarry.engine.Executable;
import dev.quarry.engine.Transaction;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Which tables {@link EngineListener#changesCommitted} hears of, and when: after commits, never after rollbacks. */
class ChangesCommittedTest {
  static final class Notes extends Table {
    static final Notes NOTES = new Notes();
    final NumberColumn<Integer> id = numberColumn(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey());
    final StringColumn body = stringColumn(ColumnSpec.of("body", SqlTypes.varchar(50)));

    private Notes() {
      super(null, "notes", null);
    }
  }

  static final class Tags extends Table {
    static final Tags TAGS = new Tags();
    final NumberColumn<Integer> id = numberColumn(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey());
    final StringColumn label = stringColumn(ColumnSpec.of("label", SqlTypes.varchar(50)));

    private Tags() {
      super(null, "tags", null);
    }
  }

  final Notes n = Notes.NOTES;
  final Tags t = Tags.TAGS;
  final List<Set<String>> reported = Collections.synchronizedList(new ArrayList<>());

  private void setUp(TestDatabase db) {
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(50))",
        "CREATE TABLE tags (id INTEGER PRIMARY KEY, label VARCHAR(50))");
    db.engine().addListener(new EngineListener() {
      @Override
      public void changesCommitted(Set<String> tables) {
        reported.add(Set.copyOf(tables));
      }
    });
  }

  private Insert note(int id) {
    return Sql.insertInto(n).set(n.id, id).set(n.body, "b" + id);
  }

  @AllDatabases
  void anAutocommitInsertIsReportedRightAfterIt(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      c.executeUpdate(note(1));
      assertEquals(List.of(Set.of("notes")), reported);
      c.execute(Sql.select(n.id).from(n)).close();
      assertEquals(List.of(Set.of("notes")), reported, "a read reports nothing");
    }
  }

  @AllDatabases
  void aTransactionReportsTheUnionOfItsTablesOnceAtCommit(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      Transaction tx = c.begin();
      c.executeUpdate(note(1));
      c.executeUpdate(Sql.insertInto(t).set(t.id, 1).set(t.label, "x"));
      c.executeUpdate(Sql.update(n).set(n.body, "c").where(n.id.eq(1)));
      c.executeUpdate(Sql.deleteFrom(t).where(t.id.eq(1)));
      assertEquals(List.of(), reported, "nothing before the commit");
      tx.commit();
      assertEquals(List.of(Set.of("notes", "tags")), reported);
    }
  }

  @AllDatabases
  void aRolledBackTransactionReportsNothing(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      Transaction tx = c.begin();
      c.executeUpdate(note(1));
      tx.rollback();
      assertThrows(IllegalStateException.class, () -> c.runInTransaction(cc -> {
        cc.executeUpdate(note(2));
        throw new IllegalStateException("boom");
      }));
      c.begin();
      c.executeUpdate(note(3));
    } // close rolls back the open transaction
    assertEquals(List.of(), reported);
  }

  @AllDatabases
  void aSavepointRolledBackIsStillReportedAtCommit(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      Transaction tx = c.begin();
      Transaction sp = c.beginNested();
      c.executeUpdate(Sql.insertInto(t).set(t.id, 1).set(t.label, "x"));
      sp.rollback();
      c.executeUpdate(note(1));
      tx.commit();
      assertEquals(List.of(Set.of("notes", "tags")), reported, "conservative: the savepoint's tables too");
    }
  }

  @AllDatabases
  void aFailedStatementReportsNothing(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      c.executeUpdate(note(1));
      reported.clear();
      assertThrows(DatabaseException.class, () -> c.executeUpdate(note(1)));
      assertThrows(DatabaseException.class, () -> c.executeUpdate(Sql.text("INSERT INTO no_such_table VALUES (1)")));
      assertEquals(List.of(), reported);
    }
  }

  @AllDatabases
  void textStatementsReportWhatTheyDeclareOrAnyTableUnlessTheyRead(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      c.execute(Sql.text("/* a read */ SELECT COUNT(*) FROM notes")).close();
      c.execute(Sql.text("\n  select 1 AS one")).close();
      assertEquals(List.of(), reported);
      c.executeUpdate(Sql.text("INSERT INTO notes (id, body) VALUES (:id, 'x')").bind("id", 1));
      assertEquals(List.of(Set.of(Executable.ANY_TABLE)), reported);
      reported.clear();
      c.executeUpdate(Sql.text("UPDATE notes SET body = :b").bind("b", "y").writes("notes"));
      c.executeUpdate(Sql.text("UPDATE notes SET body = 'z'").writesNothing()); // declared: changes nothing cached
      assertEquals(List.of(Set.of("notes")), reported);
      reported.clear();
      c.runInTransaction(cc -> {
        cc.executeUpdate(Sql.text("DELETE FROM tags").writes("tags"));
        cc.executeUpdate(Sql.text("-- plain DML\nDELETE FROM notes"));
      });
      assertEquals(List.of(Set.of("tags", Executable.ANY_TABLE)), reported);
    }
  }

  @AllDatabases
  void batchesReportTheirTables(TestDatabase db) {
    setUp(db);
    try (Connection c = db.engine().connect()) {
      c.executeBatch(List.of(note(1), note(2), note(3)));
      assertEquals(List.of(Set.of("notes")), reported);
      reported.clear();
      Insert template = Sql.insertInto(t).set(t.id, 0).set(t.label, "");
      c.executeBatch(template, List.of(List.of(1, "a"), List.of(2, "b")));
      assertEquals(List.of(Set.of("tags")), reported);
      reported.clear();
      c.runInTransaction(cc -> {
        cc.executeBatch(template, List.of(List.of(3, "c")));
        cc.executeBatch(List.of(note(4), note(5)));
        assertEquals(List.of(), reported);
      });
      assertEquals(List.of(Set.of("tags", "notes")), reported);
    }
  }

  @AllDatabases
  void aStatementSplitIntoPartsIsReportedOnce(TestDatabase db) {
    setUp(db);
    List<List<?>> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) { // 40,000 values: two parts on SQLite and PostgreSQL
      rows.add(List.of(i, "b"));
    }
    Insert many = Sql.insertInto(n).columns(n.id, n.body).rows(rows);
    try (Connection c = db.engine().connect()) {
      assertEquals(20_000, c.executeUpdate(many));
      assertEquals(List.of(Set.of("notes")), reported);
    }
  }

  @AllDatabases
  void aTransactionThatOnlyReadsReportsNothing(TestDatabase db) {
    setUp(db);
    db.engine().runInTransaction(c -> c.execute(Sql.select(n.id).from(n)).close());
    assertEquals(List.of(), reported);
  }
}
