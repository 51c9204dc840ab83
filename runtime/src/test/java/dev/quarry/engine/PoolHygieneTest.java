package dev.quarry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import dev.quarry.types.SqlTypes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Item "pool hygiene": leak detection, and session settings a caller changed do not reach the next
 * borrower — while a connection nobody changed is lent as it is, without a reset.
 */
class PoolHygieneTest {
  /** One connection, so that the next borrower gets the one the last returned (or its replacement). */
  private static Engine single(TestDatabase db) {
    return db.newEngine(b -> b.poolSize(1).maxOverflow(0));
  }

  private static String text(Connection c, String sql) {
    return c.execute(RawSql.of(sql)).scalar(SqlTypes.VARCHAR);
  }

  /** What identifies the physical connection (or session) on each database. */
  private static String sessionId(TestDatabase db, Connection c) {
    switch (db.kind()) {
      case POSTGRES:
        return text(c, "SELECT CAST(pg_backend_pid() AS VARCHAR)");
      case MARIADB:
        return text(c, "SELECT CAST(CONNECTION_ID() AS CHAR)");
      case H2:
        return text(c, "SELECT CAST(SESSION_ID() AS VARCHAR)");
      default:
        return String.valueOf(System.identityHashCode(unwrap(c)));
    }
  }

  private static Object unwrap(Connection c) {
    try {
      return c.jdbc().unwrap(java.sql.Connection.class);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** A session setting each database has: the query that reads it, (unused), and a statement that changes it. */
  private static String[] setting(TestDatabase db) {
    switch (db.kind()) {
      case POSTGRES:
        return new String[] {"SHOW statement_timeout", "0", "SET statement_timeout = '1234ms'"};
      case MARIADB:
        return new String[] {"SELECT CAST(@@SESSION.lock_wait_timeout AS CHAR)", null,
            "SET SESSION lock_wait_timeout = 1234"};
      case H2:
        return new String[] {"SELECT CURRENT_SCHEMA", null, "SET SCHEMA INFORMATION_SCHEMA"};
      default:
        return new String[] {"PRAGMA busy_timeout", null, "PRAGMA busy_timeout = 1234"};
    }
  }

  @AllDatabases
  void aSessionSettingACallerChangedDoesNotReachTheNextBorrower(TestDatabase db) {
    Engine engine = single(db);
    String[] s = setting(db);
    String start;
    try (Connection c = engine.connect()) {
      start = text(c, s[0]);
      c.execute(RawSql.of(s[2])).close();
      assertNotEquals(start, text(c, s[0]));
    }
    try (Connection c = engine.connect()) {
      assertEquals(start, text(c, s[0]));
    }
  }

  @AllDatabases
  void aConnectionNobodyChangedIsLentAsItIs(TestDatabase db) {
    Engine engine = single(db);
    String first;
    try (Connection c = engine.connect()) {
      first = sessionId(db, c);
      c.execute(RawSql.of("SELECT 1")).close();
    }
    try (Connection c = engine.connect()) {
      assertEquals(first, sessionId(db, c));
    }
  }

  @AllDatabases({Kind.POSTGRES})
  void postgresqlResetsInPlaceAndKeepsTheEngineSetUp(TestDatabase db) {
    db.execute("CREATE SCHEMA other");
    Engine engine = db.newEngine(b -> b.poolSize(1).maxOverflow(0).isolationLevel(IsolationLevel.SERIALIZABLE)
        .readOnly(true));
    String pid;
    try (Connection c = engine.connect()) {
      pid = sessionId(db, c);
      c.execute(RawSql.of("SET search_path TO other")).close();
      c.execute(RawSql.of("SELECT set_config('application_name', 'changed', false)")).close();
      assertEquals("other", text(c, "SHOW search_path"));
    }
    try (Connection c = engine.connect()) {
      assertEquals(pid, sessionId(db, c), "reset in place, not replaced");
      assertEquals("\"$user\", public", text(c, "SHOW search_path"));
      assertNotEquals("changed", text(c, "SHOW application_name"));
      assertEquals("serializable", text(c, "SHOW default_transaction_isolation"));
      assertEquals("on", text(c, "SHOW default_transaction_read_only"));
    }
  }

  @AllDatabases({Kind.POSTGRES, Kind.MARIADB})
  void aChangeThroughPlainJdbcIsResetWhenMarked(TestDatabase db) throws SQLException {
    Engine engine = single(db);
    String[] s = setting(db);
    String start;
    try (Connection c = engine.connect()) {
      start = text(c, s[0]);
      try (Statement st = c.jdbc().createStatement()) {
        st.execute(s[2]);
      }
      c.markSessionChanged();
    }
    try (Connection c = engine.connect()) {
      assertEquals(start, text(c, s[0]));
    }
  }

  @Test
  void sessionChangingStatementsAreRecognised() {
    Driver pg = Driver.of(dev.quarry.types.Vendor.POSTGRESQL);
    assertTrue(pg.changesSession("  /* x */ set search_path to a"));
    assertTrue(pg.changesSession("-- c\nRESET ALL"));
    assertTrue(pg.changesSession("SELECT SET_CONFIG('a.b', 'c', false)"));
    assertTrue(!pg.changesSession("SELECT settings FROM t"));
    Driver maria = Driver.of(dev.quarry.types.Vendor.MARIADB);
    assertTrue(maria.changesSession("use other"));
    assertTrue(maria.changesSession("SET @x = 1"));
    Driver sqlite = Driver.of(dev.quarry.types.Vendor.SQLITE);
    assertTrue(sqlite.changesSession("PRAGMA busy_timeout = 5"));
    assertTrue(!sqlite.changesSession("PRAGMA busy_timeout"));
    assertTrue(sqlite.changesSession("PRAGMA busy_timeout(5)"));
    assertTrue(!sqlite.changesSession("PRAGMA table_info(\"t\")"));
    assertTrue(!sqlite.changesSession("INSERT INTO t VALUES ('SET')"));
  }

  @AllDatabases({Kind.H2})
  void aConnectionHeldPastTheLeakThresholdIsLoggedWithTheStackThatTookIt(TestDatabase db) throws Exception {
    Engine engine = db.newEngine(b -> b.leakDetectionThreshold(Duration.ofSeconds(2)));
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (Connection c = engine.connect()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!captured.toString(StandardCharsets.UTF_8).contains("leak") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("Connection leak detection triggered"), log);
    assertTrue(log.contains("PoolHygieneTest.aConnectionHeldPastTheLeakThresholdIsLoggedWithTheStackThatTookIt"), log);
  }

  @Test
  void leakDetectionThresholdIsValidated() {
    EngineBuilder b = Engine.builder("jdbc:h2:mem:");
    assertThrows(IllegalArgumentException.class, () -> b.leakDetectionThreshold(Duration.ofMillis(500)));
    assertThrows(IllegalArgumentException.class, () -> b.socketTimeout(Duration.ofMillis(500)));
    assertThrows(IllegalArgumentException.class, () -> b.connectTimeout(Duration.ZERO));
    b.leakDetectionThreshold(Duration.ZERO).socketTimeout(Duration.ZERO);
  }

  @AllDatabases({Kind.SQLITE})
  void aBusySqliteDatabaseIsARetryableErrorThatSaysHowLongItWaited(TestDatabase db) {
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    Engine other = db.newEngine(b -> b.property("busy_timeout", "300"));
    try (Connection holder = db.engine().connect()) {
      Transaction tx = holder.begin();
      holder.execute(RawSql.of("INSERT INTO t (id) VALUES (1)")).close(); // holds the write lock
      try (Connection c = other.connect()) {
        DatabaseBusyException e = assertThrows(DatabaseBusyException.class,
            () -> c.execute(RawSql.of("INSERT INTO t (id) VALUES (2)")));
        assertTrue(e.isRetryable());
        assertTrue(e instanceof LockTimeoutException);
        assertEquals(Duration.ofMillis(300), e.busyTimeout());
        assertTrue(e.waited().compareTo(Duration.ofMillis(250)) >= 0, "waited " + e.waited());
        assertTrue(e.getMessage().contains("busy timeout 300 ms"), e.getMessage());
      }
      tx.rollback();
    }
  }
}
