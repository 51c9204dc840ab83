package dev.quarry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

class EngineTest {
  private static long selectOne(Connectable c) {
    return c.withConnection(conn -> conn.execute(RawSql.of("SELECT 1")).scalar(SqlTypes.BIGINT));
  }

  @AllDatabases
  void vendorIsDetectedFromTheUrlAndConfirmedByTheDriver(TestDatabase db) {
    Engine engine = db.engine();
    assertEquals(db.vendor(), engine.vendor());
    assertEquals(db.jdbcUrl(), engine.url());
    assertEquals(1, selectOne(engine));
    assertTrue(engine.toString().contains(db.vendor().displayName()));
  }

  @AllDatabases
  void engineFromAUserDataSource(TestDatabase db) throws SQLException {
    DataSource ds;
    switch (db.vendor()) {
      case SQLITE:
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl(db.jdbcUrl());
        ds = sqlite;
        break;
      case H2:
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(db.jdbcUrl());
        ds = h2;
        db.engine(); // keeps the named in-memory database alive
        break;
      case MARIADB:
        ds = new MariaDbDataSource(db.jdbcUrl());
        break;
      default:
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(db.jdbcUrl());
        ds = pg;
    }
    try (Engine engine = Engine.builder(ds).poolSize(1).maxOverflow(1).build()) {
      assertEquals(db.vendor(), engine.vendor(), "detected from the driver's metadata");
      assertEquals(null, engine.url());
      assertEquals(1, selectOne(engine));
      if (db.vendor() == Vendor.SQLITE) {
        assertEquals(1L, engine.<Long>withConnection(c -> c.execute(RawSql.of("PRAGMA foreign_keys")).one().getLong(0)));
      }
    }
  }

  @Test
  void poolOptionsMapOntoHikari() {
    try (DefaultEngine engine = (DefaultEngine) Engine.builder("jdbc:h2:mem:").poolSize(3).maxOverflow(4)
        .poolTimeout(Duration.ofSeconds(2)).recycle(Duration.ofMinutes(1)).prePing(true).keepalive(Duration.ofSeconds(40))
        .overflowIdleTimeout(Duration.ofSeconds(15)).isolationLevel(IsolationLevel.SERIALIZABLE).poolName("shop")
        .build()) {
      HikariConfig c = engine.hikariConfig();
      assertEquals(7, c.getMaximumPoolSize(), "poolSize + maxOverflow");
      assertEquals(3, c.getMinimumIdle(), "poolSize stays open");
      assertEquals(15_000, c.getIdleTimeout(), "the overflow retires after this");
      assertEquals(2_000, c.getConnectionTimeout());
      assertEquals(60_000, c.getMaxLifetime());
      assertEquals(40_000, c.getKeepaliveTime());
      assertEquals("TRANSACTION_SERIALIZABLE", c.getTransactionIsolation());
      assertEquals("shop", c.getPoolName());
      engine.useConnection(conn -> {
        try {
          assertEquals(java.sql.Connection.TRANSACTION_SERIALIZABLE, conn.jdbc().getTransactionIsolation());
        } catch (SQLException e) {
          throw new AssertionError(e);
        }
      });
    }
    try (DefaultEngine engine = (DefaultEngine) Engine.create("jdbc:h2:mem:")) {
      HikariConfig c = engine.hikariConfig();
      assertEquals(15, c.getMaximumPoolSize(), "SQLAlchemy's defaults: 5 + 10 overflow");
      assertEquals(5, c.getMinimumIdle());
      assertEquals(0, c.getKeepaliveTime(), "no background ping without prePing");
      assertEquals(Duration.ofMinutes(30).toMillis(), c.getMaxLifetime());
      assertEquals(30_000, c.getConnectionTimeout());
    }
    assertThrows(IllegalArgumentException.class, () -> Engine.builder("jdbc:h2:mem:").poolSize(0));
    assertThrows(IllegalArgumentException.class, () -> Engine.builder("jdbc:h2:mem:").maxOverflow(-1));
    assertThrows(IllegalArgumentException.class, () -> Engine.builder("jdbc:h2:mem:").recycle(Duration.ofSeconds(5)));
    assertThrows(IllegalArgumentException.class, () -> Engine.builder("jdbc:h2:mem:").poolTimeout(Duration.ofMillis(10)));
  }

  @Test
  void poolStatusCountsActiveIdleAndWaiting() throws Exception {
    try (Engine engine = Engine.builder("jdbc:h2:mem:").poolSize(1).maxOverflow(1).build()) {
      Connection a = engine.connect();
      Connection b = engine.connect();
      assertEquals(2, engine.poolStatus().active());
      assertEquals(2, engine.poolStatus().total());
      assertEquals(0, engine.poolStatus().idle());
      CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(() -> selectOne(engine));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (engine.poolStatus().waiting() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(1, engine.poolStatus().waiting());
      a.close();
      assertEquals(1L, waiter.get(5, TimeUnit.SECONDS));
      b.close();
      assertEquals(0, engine.poolStatus().active());
      assertEquals(0, engine.poolStatus().waiting());
    }
  }

  @Test
  void exhaustedPoolTimesOutWithATypedError() {
    try (Engine engine = Engine.builder("jdbc:h2:mem:").poolSize(1).maxOverflow(0)
        .poolTimeout(Duration.ofMillis(250)).poolName("tiny").build();
        Connection held = engine.connect()) {
      PoolTimeoutException e = assertThrows(PoolTimeoutException.class, engine::connect);
      assertTrue(e.getMessage().contains("'tiny'") && e.getMessage().contains("250 ms"), e.getMessage());
      assertTrue(e.getMessage().contains("try-with-resources"), e.getMessage());
      assertEquals(1, e.poolStatus().active());
      assertFalse(held.isClosed());
    }
  }

  @AllDatabases
  void onConnectRunsOncePerPhysicalConnection(TestDatabase db) {
    AtomicInteger connects = new AtomicInteger();
    List<Vendor> vendors = Collections.synchronizedList(new ArrayList<>());
    Engine engine = db.newEngine(b -> b.poolSize(2).maxOverflow(0).listener(new EngineListener() {
      @Override
      public void onConnect(java.sql.Connection connection, Vendor vendor) {
        connects.incrementAndGet();
        vendors.add(vendor);
      }
    }));
    for (int i = 0; i < 20; i++) {
      selectOne(engine);
    }
    assertTrue(connects.get() >= 1 && connects.get() <= 2, "one event per physical connection, got " + connects.get());
    assertEquals(engine.poolStatus().total(), connects.get());
    assertTrue(vendors.stream().allMatch(v -> v == db.vendor()));
  }

  @AllDatabases({Kind.POSTGRES, Kind.MARIADB})
  void deadIdleConnectionsAreReplacedOnBorrow(TestDatabase db) throws Exception {
    // HikariCP validates a connection idle for more than 500 ms before lending it (pre-ping).
    Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0));
    RawSql backend = RawSql.of("SELECT pg_backend_pid()").on(Vendor.MARIADB, "SELECT CONNECTION_ID()");
    Object pid = engine.withConnection(c -> c.execute(backend).scalar());
    if (db.vendor() == Vendor.MARIADB) {
      db.engine().useConnection(c -> c.executeUpdate(RawSql.of("KILL CONNECTION " + pid)));
    } else {
      db.engine().useConnection(c -> c.execute(RawSql.of("SELECT pg_terminate_backend(?)", pid)).scalar());
    }
    Thread.sleep(700);
    Object replaced = engine.withConnection(c -> c.execute(backend).scalar());
    assertNotEquals(pid, replaced, "the killed connection was not lent out again");
  }

  @Test
  void sqliteGetsForeignKeysByDefault() {
    for (boolean enforce : new boolean[] {true, false}) {
      try (Engine engine = Engine.builder("jdbc:sqlite::memory:").sqliteForeignKeys(enforce).build()) {
        engine.useConnection(c -> {
          c.executeUpdate(RawSql.of("CREATE TABLE p (id INTEGER PRIMARY KEY)"));
          c.executeUpdate(RawSql.of("CREATE TABLE ch (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p (id))"));
          RawSql orphan = RawSql.of("INSERT INTO ch (id, p) VALUES (1, 99)");
          if (enforce) {
            assertThrows(ForeignKeyViolationException.class, () -> c.executeUpdate(orphan));
          } else {
            assertEquals(1, c.executeUpdate(orphan));
          }
        });
      }
    }
  }

  @AllDatabases
  void executeEventsAndStatistics(TestDatabase db) {
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    List<String> before = Collections.synchronizedList(new ArrayList<>());
    List<ExecutionEvent> after = Collections.synchronizedList(new ArrayList<>());
    Engine engine = db.engine();
    EngineListener listener = new EngineListener() {
      @Override
      public void beforeExecute(String sql, List<Parameter> parameters) {
        before.add(sql + " " + parameters.size());
      }

      @Override
      public void afterExecute(ExecutionEvent event) {
        after.add(event);
      }
    };
    engine.addListener(listener);
    EngineStatistics start = engine.statistics();
    engine.useConnection(c -> {
      c.executeUpdate(RawSql.of("INSERT INTO t (id) VALUES (?)", 1));
      c.execute(RawSql.of("SELECT id FROM t")).fetchAll();
      c.executeBatch(RawSql.of("INSERT INTO t (id) VALUES (?)", 0), List.of(List.of(2), List.of(3)));
      assertThrows(UniqueViolationException.class, () -> c.executeUpdate(RawSql.of("INSERT INTO t (id) VALUES (?)", 1)));
    });
    engine.removeListener(listener);
    selectOne(engine);
    assertEquals(List.of("INSERT INTO t (id) VALUES (?) 1", "SELECT id FROM t 0", "INSERT INTO t (id) VALUES (?) 1",
        "INSERT INTO t (id) VALUES (?) 1"), before);
    assertEquals(4, after.size());
    assertEquals(1, after.get(0).rowCount());
    assertEquals(-1, after.get(1).rowCount(), "queries report no row count");
    assertEquals(2, after.get(2).batchSize());
    assertEquals(2, after.get(2).rowCount());
    assertFalse(after.get(3).succeeded());
    assertTrue(after.get(3).failure() instanceof UniqueViolationException);
    assertTrue(after.stream().allMatch(e -> !e.elapsed().isNegative()));
    EngineStatistics stats = engine.statistics().since(start);
    assertEquals(5, stats.statements(), "4 with the listener + 1 after; a batch counts once");
    assertEquals(1, stats.failures());
    assertTrue(stats.totalTime().toNanos() > 0);
  }

  @AllDatabases
  void aListenerCanVetoAnExecution(TestDatabase db) {
    db.execute("CREATE TABLE t (id INTEGER)");
    Engine engine = db.newEngine(b -> b.listener(new EngineListener() {
      @Override
      public void beforeExecute(String sql, List<Parameter> parameters) {
        if (sql.startsWith("DELETE")) {
          throw new IllegalStateException("deletes are not allowed here");
        }
      }
    }));
    engine.useConnection(c -> {
      c.executeUpdate(RawSql.of("INSERT INTO t VALUES (1)"));
      assertThrows(IllegalStateException.class, () -> c.executeUpdate(RawSql.of("DELETE FROM t")));
      assertEquals(1L, c.execute(RawSql.of("SELECT COUNT(*) FROM t")).scalar(SqlTypes.BIGINT));
    });
  }

  @AllDatabases
  void aFailingAfterListenerReleasesTheStreamingResult(TestDatabase db) throws SQLException {
    Engine engine = db.newEngine(b -> b.listener(new EngineListener() {
      @Override
      public void afterExecute(ExecutionEvent event) {
        if (event.sql().contains("fail_after")) {
          throw new IllegalStateException("listener failed");
        }
      }
    }));
    try (Connection c = engine.connect()) {
      assertThrows(IllegalStateException.class,
          () -> c.execute(RawSql.of("SELECT 1 AS fail_after"), ExecutionOptions.fetchSize(10)));
      assertTrue(c.jdbc().getAutoCommit(), "the implicit streaming transaction ended");
      c.begin().rollback(); // no streaming result is considered open any more
      assertEquals(0, engine.poolStatus().active() - 1);
    }
  }

  @AllDatabases
  void concurrentTransactionsShareThePool(TestDatabase db) throws Exception {
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    Engine engine = db.newEngine(b -> b.poolSize(2).maxOverflow(2));
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      int worker = w;
      workers.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 25; i++) {
          int id = worker * 1000 + i;
          engine.runInTransaction(c -> c.executeUpdate(RawSql.of("INSERT INTO t (id) VALUES (?)", id)));
        }
      }));
    }
    CompletableFuture.allOf(workers.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
    assertEquals(150L, engine.<Long>withConnection(c -> c.execute(RawSql.of("SELECT COUNT(*) FROM t")).scalar(SqlTypes.BIGINT)));
    assertTrue(engine.poolStatus().total() <= 4);
    assertEquals(0, engine.poolStatus().active());
  }

  @Test
  void extensionStateIsCreatedOncePerEngine() {
    try (Engine one = Engine.create("jdbc:h2:mem:"); Engine two = Engine.create("jdbc:h2:mem:")) {
      AtomicInteger created = new AtomicInteger();
      StringBuilder first = one.extension(StringBuilder.class, () -> {
        created.incrementAndGet();
        return new StringBuilder("x");
      });
      assertSame(first, one.extension(StringBuilder.class, StringBuilder::new));
      assertEquals(1, created.get());
      assertNotEquals(first, two.extension(StringBuilder.class, StringBuilder::new));
    }
  }

  @Test
  void echoLogsStatementsWithTimingAtInfo() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (Engine echo = Engine.builder("jdbc:h2:mem:").echo(true).build();
        Engine quiet = Engine.create("jdbc:h2:mem:")) {
      echo.useConnection(c -> c.execute(RawSql.of("SELECT ? AS echoed, ? AS pw", 41).bind("password", "hunter2")).fetchAll());
      quiet.useConnection(c -> c.execute(RawSql.of("SELECT 'quiet' AS q")).fetchAll());
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("INFO dev.quarry.sql - SELECT ? AS echoed, ? AS pw | [p1=41, password=<elided>] | "), log);
    assertTrue(log.matches("(?s).*echoed.*\\d+\\.\\d{3} ms.*"), log);
    assertFalse(log.contains("hunter2"), log);
    assertFalse(log.contains("quiet"), "without echo statements are logged at DEBUG, disabled here: " + log);
  }

  @Test
  void sqliteInMemoryUsesOneNeverRetiredConnection() throws Exception {
    for (String url : List.of("jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file::memory:")) {
      try (DefaultEngine engine = (DefaultEngine) Engine.builder(url).poolSize(5).maxOverflow(5).build()) {
        assertEquals(1, engine.hikariConfig().getMaximumPoolSize(), url);
        assertEquals(0, engine.hikariConfig().getMaxLifetime(), url);
        engine.useConnection(c -> c.executeUpdate(RawSql.of("CREATE TABLE t (id INTEGER)")));
        engine.useConnection(c -> c.executeUpdate(RawSql.of("INSERT INTO t VALUES (1)")));
        CompletableFuture<Long> otherThread = CompletableFuture.supplyAsync(() ->
            engine.withConnection(c -> c.execute(RawSql.of("SELECT COUNT(*) FROM t")).scalar(SqlTypes.BIGINT)));
        assertEquals(1L, otherThread.get(5, TimeUnit.SECONDS), "every connect() sees the same database: " + url);
        assertEquals(1, engine.poolStatus().total());
      }
    }
  }

  @Test
  void sqliteInMemoryThreadsTakeTurns() throws Exception {
    try (Engine engine = Engine.create("jdbc:sqlite::memory:")) {
      Connection held = engine.connect();
      CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> selectOne(engine));
      Thread.sleep(100);
      assertFalse(waiting.isDone());
      held.close();
      assertEquals(1L, waiting.get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void h2UnnamedInMemoryBecomesOneSharedDatabase() throws Exception {
    try (Engine engine = Engine.builder("jdbc:h2:mem:").poolSize(2).build();
        Engine other = Engine.create("jdbc:h2:mem:")) {
      assertTrue(engine.url().startsWith("jdbc:h2:mem:quarry-"), engine.url());
      try (Connection a = engine.connect(); Connection b = engine.connect()) {
        a.executeUpdate(RawSql.of("CREATE TABLE t (id INTEGER)"));
        a.executeUpdate(RawSql.of("INSERT INTO t VALUES (1)"));
        assertEquals(1L, b.execute(RawSql.of("SELECT COUNT(*) FROM t")).scalar(SqlTypes.BIGINT));
      }
      // close every pooled connection: the database survives
      ((DefaultEngine) engine).hikariConfigPool().softEvictConnections();
      assertEquals(1L, engine.<Long>withConnection(c -> c.execute(RawSql.of("SELECT COUNT(*) FROM t")).scalar(SqlTypes.BIGINT)));
      assertThrows(ProgrammingException.class, () -> other.useConnection(c -> c.execute(RawSql.of("SELECT * FROM t"))),
          "another unnamed engine is another database");
    }
  }

  @AllDatabases({Kind.SQLITE, Kind.POSTGRES, Kind.MARIADB})
  void readOnlyEngineRefusesWrites(TestDatabase db) {
    db.execute("CREATE TABLE t (id INTEGER)", "INSERT INTO t VALUES (1)");
    Engine readOnly = db.newEngine(b -> b.readOnly(true));
    assertEquals(1L, readOnly.<Long>withConnection(c -> c.execute(RawSql.of("SELECT COUNT(*) FROM t")).scalar(SqlTypes.BIGINT)));
    assertThrows(DatabaseException.class, () -> readOnly.useConnection(c -> c.executeUpdate(RawSql.of("INSERT INTO t VALUES (2)"))));
    readOnly.runInTransaction(TransactionOptions.readOnlyTransaction(), c -> c.execute(RawSql.of("SELECT 1")).fetchAll());
    assertThrows(DatabaseException.class, () -> readOnly.useConnection(c -> c.executeUpdate(RawSql.of("DELETE FROM t"))),
        "still read-only after a read-only transaction");
  }

  @Test
  void closedEngineAndUnreachableDatabase() {
    Engine engine = Engine.create("jdbc:h2:mem:");
    engine.close();
    assertTrue(engine.isClosed());
    assertThrows(IllegalStateException.class, engine::connect);
    engine.close(); // idempotent

    ConnectionLostException e = assertThrows(ConnectionLostException.class,
        () -> Engine.create("jdbc:postgresql://127.0.0.1:1/none?user=app&password=s3cret&connectTimeout=2"));
    assertTrue(e.getMessage().contains("password=<elided>"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }
}
