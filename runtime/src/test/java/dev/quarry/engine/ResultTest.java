package dev.quarry.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

class ResultTest {
  static final Key<Long> ID = new Key<>("id", SqlTypes.BIGINT);
  static final Key<String> NAME = new Key<>("name", SqlTypes.varchar(50));
  static final Key<LocalDate> BORN = new Key<>("born", SqlTypes.DATE);

  record Person(long id, String name, LocalDate born) {}

  private static void people(TestDatabase db, int n) {
    db.execute("CREATE TABLE people (id BIGINT PRIMARY KEY, name VARCHAR(50), born DATE)");
    db.engine().useConnection(c -> {
      List<List<?>> rows = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        rows.add(List.of((long) i, "p" + i, LocalDate.of(2000, 1, 1).plusDays(i)));
      }
      c.executeBatch(RawSql.of("INSERT INTO people (id, name, born) VALUES (?, ?, ?)")
          .bind("id", 0L, SqlTypes.BIGINT).bind("name", "", SqlTypes.varchar(50)).bind("born", null, SqlTypes.DATE),
          rows);
    });
  }

  private static RawSql select() {
    return RawSql.of("SELECT id, name, born FROM people ORDER BY id").column(ID, "id").column(NAME, "name")
        .column(BORN, "born");
  }

  @AllDatabases
  void fetchOneManyAll(TestDatabase db) {
    people(db, 5);
    try (Connection c = db.engine().connect()) {
      Result r = c.execute(select());
      assertTrue(r.returnsRows());
      assertEquals(-1, r.rowCount());
      assertEquals(List.of("id", "name", "born"), r.columns().stream().map(ResultColumn::label).collect(Collectors.toList()));
      assertEquals(1L, r.fetchOne().get(ID));
      List<Row> two = r.fetchMany(2);
      assertEquals(List.of(2L, 3L), List.of(two.get(0).get(ID), two.get(1).get(ID)));
      List<Row> rest = r.fetchAll();
      assertEquals(2, rest.size());
      assertNull(r.fetchOne(), "exhausted");
      assertTrue(r.fetchMany(3).isEmpty());
      r.close();
    }
  }

  @AllDatabases
  void cursorReadersReadStraightFromTheCursorAndCloseIt(TestDatabase db) {
    people(db, 3);
    try (Connection c = db.engine().connect()) {
      Result r = c.execute(select());
      Row first = r.fetchOne();
      assertEquals(1L, first.get(ID));
      List<String> rest = r.read((rs, vendor) -> rs.getLong(1) + ":" + SqlTypes.VARCHAR.read(rs, 2, vendor));
      assertEquals(List.of("2:p2", "3:p3"), rest, "continues where fetchOne stopped");
      assertEquals(List.of(), r.read((rs, vendor) -> rs.getLong(1)), "an exhausted result reads nothing");
      assertNull(r.fetchOne());
    }
  }

  @AllDatabases
  void scanHandsTheOpenCursorToTheCallersLoopAndClosesIt(TestDatabase db) {
    people(db, 3);
    try (Connection c = db.engine().connect()) {
      Result r = c.execute(select());
      long sum = r.scan((rs, vendor) -> {
        long total = 0;
        while (rs.next()) {
          total += rs.getLong(1);
        }
        return total;
      });
      assertEquals(6L, sum);
      assertThrows(IllegalStateException.class, () -> r.scan((rs, vendor) -> rs.next()), "closed after the scan");
      Result failing = c.execute(select());
      DatabaseException e = assertThrows(DatabaseException.class, () -> failing.scan((rs, vendor) -> rs.getLong(99)));
      assertTrue(e.getMessage().contains("people"), "the error names the statement: " + e.getMessage());
      assertThrows(IllegalStateException.class, failing::fetchOne, "closed after a failed scan");
    }
  }

  @AllDatabases
  void streamOfACursorReaderReadsAsConsumed(TestDatabase db) {
    people(db, 5);
    try (Connection c = db.engine().connect()) {
      try (java.util.stream.Stream<Long> ids = c.execute(select(), ExecutionOptions.fetchSize(2))
          .stream((rs, vendor) -> rs.getLong(1))) {
        assertEquals(List.of(1L, 2L, 3L), ids.limit(3).collect(Collectors.toList()));
      }
      try (java.util.stream.Stream<Long> ids = c.execute(select()).stream((rs, vendor) -> rs.getLong(1))) {
        assertEquals(15L, ids.mapToLong(Long::longValue).sum());
      }
    }
  }

  @AllDatabases
  void typedAccessByKeyLabelAndIndex(TestDatabase db) {
    people(db, 1);
    Row row = db.engine().withConnection(c -> c.execute(select()).one());
    assertEquals(1L, row.get(ID));
    assertEquals("p1", row.get(NAME));
    assertEquals(LocalDate.of(2000, 1, 2), row.get(BORN));
    assertEquals(LocalDate.of(2000, 1, 2), row.get("born"));
    assertEquals(LocalDate.of(2000, 1, 2), row.get("BORN"), "labels fall back to case-insensitive");
    assertEquals("p1", row.get(1));
    assertEquals(1, row.get(0, SqlTypes.INTEGER));
    assertEquals("1", row.getString(0));
    assertEquals(1L, row.getLong("id"));
    assertEquals(LocalDate.of(2000, 1, 2), row.getLocalDate(2));
    assertEquals(3, row.size());
    assertThrows(IllegalArgumentException.class, () -> row.get(new Key<>("other", SqlTypes.BIGINT)));
    assertThrows(IllegalArgumentException.class, () -> row.get("nope"));
    assertThrows(IndexOutOfBoundsException.class, () -> row.get(3));
  }

  @AllDatabases
  void undeclaredColumnsAreReadFromMetadataAndConverted(TestDatabase db) {
    people(db, 1);
    Row row = db.engine().withConnection(c -> c.execute(RawSql.of("SELECT id, name, born FROM people")).one());
    assertEquals(1L, row.getLong(0));
    assertEquals("p1", row.getString("name"));
    // SQLite keeps dates as ISO text; the others return a date. Either converts.
    assertEquals(LocalDate.of(2000, 1, 2), row.getLocalDate("born"));
    assertEquals(LocalDate.of(2000, 1, 2), row.get(2, SqlTypes.DATE));
  }

  @AllDatabases
  void labelsThatRepeatAreAmbiguous(TestDatabase db) {
    people(db, 1);
    Row row = db.engine().withConnection(c -> c.execute(RawSql.of("SELECT id AS x, name AS x FROM people")).one());
    assertThrows(IllegalArgumentException.class, () -> row.get("x"));
    assertEquals("p1", row.get(1));
  }

  @AllDatabases
  void scalarFirstOneAndOneOrNull(TestDatabase db) {
    people(db, 3);
    db.engine().useConnection(c -> {
      assertEquals(3L, c.execute(RawSql.of("SELECT COUNT(*) FROM people")).scalar(SqlTypes.BIGINT));
      assertNull(c.execute(RawSql.of("SELECT id FROM people WHERE id < 0")).scalar());
      assertEquals(1L, c.execute(select()).first().get(ID));
      assertNull(c.execute(RawSql.of("SELECT id FROM people WHERE id < 0")).first());
      assertEquals("p2", c.execute(RawSql.of("SELECT name FROM people WHERE id = ?", 2L)).one().get(0));
      assertNull(c.execute(RawSql.of("SELECT name FROM people WHERE id = ?", 9L)).oneOrNull());
      NoResultException none = assertThrows(NoResultException.class,
          () -> c.execute(RawSql.of("SELECT name FROM people WHERE id = ?", 9L)).one());
      assertTrue(none.getMessage().contains("SELECT name FROM people WHERE id = ?"), none.getMessage());
      assertTrue(none.getMessage().contains("p1=9"), none.getMessage());
      NonUniqueResultException several = assertThrows(NonUniqueResultException.class, () -> c.execute(select()).one());
      assertTrue(several.getMessage().contains("FROM people ORDER BY id"), several.getMessage());
      assertThrows(NonUniqueResultException.class, () -> c.execute(select()).oneOrNull());
    });
    assertEquals(0, db.engine().poolStatus().active());
  }

  @AllDatabases
  void mapToRecordsAndIterate(TestDatabase db) {
    people(db, 3);
    List<Person> people = db.engine().withConnection(c ->
        c.execute(select()).map(r -> new Person(r.get(ID), r.get(NAME), r.get(BORN))));
    assertEquals(new Person(3, "p3", LocalDate.of(2000, 1, 4)), people.get(2));
    db.engine().useConnection(c -> {
      List<Long> ids = new ArrayList<>();
      for (Row row : c.execute(select())) {
        ids.add(row.get(ID));
      }
      assertEquals(List.of(1L, 2L, 3L), ids);
      Iterator<Row> it = c.execute(select()).iterator();
      assertTrue(it.hasNext());
      assertTrue(it.hasNext(), "hasNext() does not consume");
      assertEquals(1L, it.next().get(ID));
    });
  }

  @AllDatabases
  void streamsWithFetchSize(TestDatabase db) {
    people(db, 250);
    db.engine().useConnection(c -> {
      try (Stream<Row> rows = c.execute(select(), ExecutionOptions.fetchSize(50)).stream()) {
        assertEquals(250L * 251 / 2, rows.mapToLong(r -> r.get(ID)).sum());
      }
      assertFalse(c.isInTransaction());
      assertEquals(1, c.executeUpdate(RawSql.of("DELETE FROM people WHERE id = 1")), "autocommit works afterwards");
    });
    Long remaining = db.engine().withConnection(c -> c.execute(RawSql.of("SELECT COUNT(*) FROM people"))
        .scalar(SqlTypes.BIGINT));
    assertEquals(249L, remaining, "the delete after streaming was committed");
  }

  @AllDatabases
  void closingAPartlyReadStreamReleasesTheCursor(TestDatabase db) throws java.sql.SQLException {
    people(db, 100);
    try (Connection c = db.engine().connect()) {
      try (Stream<Row> rows = c.execute(select(), ExecutionOptions.fetchSize(10)).stream()) {
        assertEquals(List.of(1L, 2L), rows.limit(2).map(r -> r.get(ID)).collect(Collectors.toList()));
      }
      assertTrue(c.jdbc().getAutoCommit());
      c.runInTransaction(t -> t.executeUpdate(RawSql.of("DELETE FROM people WHERE id > 50")));
      assertEquals(50L, c.execute(RawSql.of("SELECT COUNT(*) FROM people")).scalar(SqlTypes.BIGINT));
    }
  }

  @AllDatabases({TestDatabase.Kind.POSTGRES})
  void postgresReallyStreamsOutsideTransactions(TestDatabase db) {
    // Row 5000 divides by zero. A driver that buffers the whole result fails in execute(); a cursor
    // hands out the first rows and fails only when it fetches the batch holding row 5000.
    RawSql query = RawSql.of("SELECT 1 / (5000 - n) FROM generate_series(1, 10000) AS n");
    db.engine().useConnection(c -> {
      assertThrows(DataException.class, () -> c.execute(query), "without a fetch size the driver buffers everything");
      Result streaming = c.execute(query, ExecutionOptions.fetchSize(100));
      assertEquals(0, streaming.fetchMany(100).get(0).getInt(0));
      DataException late = assertThrows(DataException.class, streaming::fetchAll);
      assertEquals("22012", late.sqlState());
      try {
        assertTrue(c.jdbc().getAutoCommit(), "autocommit restored when the streaming result closed");
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
      assertEquals(1L, c.execute(RawSql.of("SELECT 1")).scalar(SqlTypes.BIGINT));
    });
  }

  @AllDatabases
  void updateCountsAndGeneratedKeys(TestDatabase db) {
    db.engine().useConnection(c -> c.executeUpdate(
        RawSql.of("CREATE TABLE items (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name VARCHAR(20))")
            .on(Vendor.SQLITE, "CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(20))")
            .on(Vendor.MARIADB, "CREATE TABLE items (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))")));
    db.engine().useConnection(c -> {
      try (Result r = c.execute(RawSql.of("INSERT INTO items (name) VALUES (?)", "a").generatedKeys("id"))) {
        assertEquals(1, r.rowCount());
        Row key = r.one();
        assertEquals(1L, key.getLong("id"));
        assertEquals(1L, key.getLong(0));
      }
      Result typed = c.execute(RawSql.of("INSERT INTO items (name) VALUES (?)", "b").generatedKeys("id").column(ID, "id"));
      assertEquals(2L, typed.one().get(ID));
      BatchResult batch = c.executeBatch(RawSql.of("INSERT INTO items (name) VALUES (?)").bind("name", "").generatedKeys("id"),
          List.of(List.of("c"), List.of("d"), List.of("e")));
      assertEquals(3, batch.size());
      assertEquals(3, batch.totalCount());
      assertEquals(List.of(3L, 4L, 5L), batch.generatedKeys().stream().map(r -> r.getLong(0)).collect(Collectors.toList()));
      // sqlite-jdbc reports only the last key of a batch: such a batch runs row by row
      assertEquals(db.vendor() == Vendor.SQLITE ? 3 : 1, batch.executions());
      assertEquals(1, c.executeBatch(RawSql.of("UPDATE items SET name = ? WHERE id = ?").bind("name", "").bind("id", 0L),
          List.of(List.of("y", 3L), List.of("z", 4L))).executions(), "no keys wanted: one batch everywhere");
      assertEquals(5, c.executeUpdate(RawSql.of("UPDATE items SET name = ?", "x")));
      assertEquals(0, c.executeUpdate(RawSql.of("DELETE FROM items WHERE id < 0")));
    });
  }

  @AllDatabases
  void batchOfStatementsWithIdenticalSql(TestDatabase db) {
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20))");
    db.engine().useConnection(c -> {
      long before = db.engine().statistics().statements();
      BatchResult result = c.executeBatch(List.of(
          RawSql.of("INSERT INTO t (id, name) VALUES (?, ?)", 1, "a"),
          RawSql.of("INSERT INTO t (id, name) VALUES (?, ?)", 2, "b"),
          RawSql.of("INSERT INTO t (id, name) VALUES (?, ?)", 3, null)));
      assertEquals(1, db.engine().statistics().statements() - before, "one round trip");
      assertEquals(3, result.size());
      assertTrue(result.generatedKeys().isEmpty());
      assertEquals(3L, c.execute(RawSql.of("SELECT COUNT(*) FROM t")).scalar(SqlTypes.BIGINT));
      assertThrows(IllegalArgumentException.class, () -> c.executeBatch(List.of(
          RawSql.of("INSERT INTO t (id, name) VALUES (?, ?)", 4, "a"), RawSql.of("INSERT INTO t (id) VALUES (?)", 5))));
      assertThrows(IllegalArgumentException.class, () -> c.executeBatch(
          RawSql.of("INSERT INTO t (id, name) VALUES (?, ?)", 0, ""), List.of(List.of(4))));
      assertEquals(0, c.executeBatch(List.of()).size());
    });
  }

  @AllDatabases
  void batchFailureIsTranslated(TestDatabase db) {
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, password VARCHAR(20))");
    UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> db.engine().useConnection(c ->
        c.executeBatch(RawSql.of("INSERT INTO t (id, password) VALUES (?, ?)").bind("id", 0).bind("password", ""),
            List.of(List.of(1, "hunter2-first"), List.of(1, "hunter2-second")))));
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    assertTrue(e.getMessage().contains("batch of 2"), e.getMessage());
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains("hunter2"), t.getMessage());
    }
  }

  @AllDatabases
  void closingTheConnectionClosesOpenResults(TestDatabase db) {
    people(db, 3);
    Result r;
    try (Connection c = db.engine().connect()) {
      r = c.execute(select());
      r.fetchOne();
    }
    assertThrows(IllegalStateException.class, r::fetchOne);
    assertEquals(0, db.engine().poolStatus().active());
  }

  @AllDatabases
  void bytesAndNullsInUndeclaredColumns(TestDatabase db) {
    db.execute(db.vendor() == Vendor.POSTGRESQL ? "CREATE TABLE b (x BYTEA, y VARCHAR(5))"
        : db.vendor() == Vendor.H2 ? "CREATE TABLE b (x VARBINARY(10), y VARCHAR(5))" : "CREATE TABLE b (x BLOB, y VARCHAR(5))");
    db.engine().useConnection(c -> {
      c.executeUpdate(RawSql.of("INSERT INTO b (x, y) VALUES (?, ?)").bind("x", new byte[] {1, 2}).bind("y", null, SqlTypes.VARCHAR));
      Row row = c.execute(RawSql.of("SELECT x, y FROM b")).one();
      assertArrayEquals(new byte[] {1, 2}, row.getBytes(0));
      assertNull(row.get(1));
      assertNull(row.getString("y"));
    });
  }
}
