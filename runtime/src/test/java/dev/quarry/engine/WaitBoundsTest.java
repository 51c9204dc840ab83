package dev.quarry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TcpProxy;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import dev.quarry.types.SqlTypes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Item "every wait is bounded": a server that accepts and never answers, a network that freezes
 * mid-statement, a database that comes back while {@code connect()} waits. Each test asserts
 * that the call returns, typed, within its bound plus slack for a loaded machine — liveness, not
 * speed; {@code assertTimeoutPreemptively} turns a hang into a failure.
 */
class WaitBoundsTest {
  /** Slack over a bound for a loaded two-core machine. */
  private static final Duration SLACK = Duration.ofSeconds(5);

  /** Accepts TCP connections and never writes a byte. */
  private static final class SilentServer implements AutoCloseable {
    final ServerSocket socket;
    final List<Socket> accepted = new CopyOnWriteArrayList<>();

    SilentServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(() -> {
        try {
          while (true) {
            accepted.add(socket.accept());
          }
        } catch (IOException closed) {
          // the test ended
        }
      }, "silent-server");
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  private static void buildGivesUp(String url) throws IOException {
    Duration poolTimeout = Duration.ofSeconds(1);
    long start = System.nanoTime();
    ConnectionLostException e = assertTimeoutPreemptively(poolTimeout.plus(SLACK), () -> assertThrows(
        ConnectionLostException.class, () -> Engine.builder(url).poolTimeout(poolTimeout).build()));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(poolTimeout.plus(SLACK)) < 0, "took " + took);
    assertTrue(e.getMessage().startsWith("Could not connect"), e.getMessage());
  }

  @Test
  void buildAgainstAPostgresqlServerThatNeverAnswersGivesUp() throws IOException {
    try (SilentServer server = new SilentServer()) {
      buildGivesUp("jdbc:postgresql://127.0.0.1:" + server.port() + "/quarry?user=x");
    }
  }

  @Test
  void buildAgainstAMariaDbServerThatNeverAnswersGivesUp() throws IOException {
    try (SilentServer server = new SilentServer()) {
      buildGivesUp("jdbc:mariadb://127.0.0.1:" + server.port() + "/quarry?user=x");
    }
  }

  @Test
  void theConnectTimeoutGoesToTheDriverUnlessTheUrlOrAPropertySetsIt() {
    Driver pg = Driver.of(dev.quarry.types.Vendor.POSTGRESQL);
    assertEquals(java.util.Map.of("connectTimeout", "2", "loginTimeout", "2", "cancelSignalTimeout", "2"),
        pg.connectTimeoutProperties(Duration.ofMillis(1500)));
    assertEquals(java.util.Map.of("connectTimeout", "1500"),
        Driver.of(dev.quarry.types.Vendor.MARIADB).connectTimeoutProperties(Duration.ofMillis(1500)));
    java.util.Properties p = new java.util.Properties();
    p.setProperty("LOGINTIMEOUT", "60");
    String url = "jdbc:postgresql://h/db?connectTimeout=30";
    DefaultEngine.addUnlessGiven(p, pg.urlOptions(url), pg.connectTimeoutProperties(Duration.ofSeconds(5)));
    assertEquals(java.util.Map.of("LOGINTIMEOUT", "60", "cancelSignalTimeout", "2"), new java.util.HashMap<>(p));
  }

  @Test
  void buildOnADataSourceThatNeverAnswersGivesUp() {
    DataSource hanging = new HangingDataSource();
    Duration poolTimeout = Duration.ofSeconds(1);
    ConnectionLostException e = assertTimeoutPreemptively(poolTimeout.plus(SLACK), () -> assertThrows(
        ConnectionLostException.class, () -> Engine.builder(hanging).poolTimeout(poolTimeout).build()));
    assertTrue(e.getMessage().contains("did not answer within"), e.getMessage());
  }

  @AllDatabases({Kind.POSTGRES, Kind.MARIADB})
  void aTimedStatementOnAFrozenNetworkFailsTypedAndItsConnectionIsDiscarded(TestDatabase db) {
    try (TcpProxy proxy = TcpProxy.inFrontOf(db.jdbcUrl());
        Engine engine = Engine.builder(proxy.route(db.jdbcUrl())).poolSize(1).maxOverflow(1)
            .poolTimeout(Duration.ofSeconds(10)).build()) {
      Duration timeout = Duration.ofSeconds(1);
      Duration bound = timeout.plus(SocketBound.CANCEL_GRACE);
      try (Connection c = engine.connect()) {
        assertEquals(1, c.execute(RawSql.of("SELECT 1")).scalar(SqlTypes.INTEGER));
        proxy.freeze();
        long start = System.nanoTime();
        QueryTimeoutException e;
        try {
          e = assertTimeoutPreemptively(bound.plus(SLACK), () -> assertThrows(QueryTimeoutException.class,
              () -> c.execute(RawSql.of("SELECT 2"), ExecutionOptions.timeout(timeout))));
        } catch (Throwable failed) {
          proxy.close(); // unblocks the hung statement, so that closing the connection does not hang too
          throw failed;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(timeout) >= 0, "took " + took);
        assertTrue(e.getMessage().contains("connection was cut"), e.getMessage());
      }
      proxy.forward();
      // the cut connection was discarded: the next borrower gets a working one
      try (Connection c = engine.connect()) {
        assertEquals(3, c.execute(RawSql.of("SELECT 3"), ExecutionOptions.timeout(timeout)).scalar(SqlTypes.INTEGER));
      }
    }
  }

  @AllDatabases({Kind.POSTGRES, Kind.MARIADB})
  void aStatementWithATimeoutThatCompletesLeavesTheSocketUnbounded(TestDatabase db) throws SQLException {
    try (Connection c = db.engine().connect()) {
      c.execute(RawSql.of("SELECT 1"), ExecutionOptions.timeout(Duration.ofSeconds(5))).close();
      assertEquals(0, c.jdbc().getNetworkTimeout());
    }
  }

  @AllDatabases({Kind.POSTGRES, Kind.MARIADB})
  void aWaitingConnectSucceedsWhenTheDatabaseComesBack(TestDatabase db) throws Exception {
    Duration poolTimeout = Duration.ofSeconds(2);
    try (TcpProxy proxy = TcpProxy.inFrontOf(db.jdbcUrl());
        Engine engine = Engine.builder(proxy.route(db.jdbcUrl())).poolSize(1).maxOverflow(0)
            .poolTimeout(poolTimeout).build()) {
      proxy.drop();
      ((DefaultEngine) engine).hikariConfigPool().softEvictConnections();
      // down long enough for HikariCP's creator, left alone, to sleep 5 s between attempts (after 10 ms,
      // 20 ms, ... 2.56 s: 5.1 s in all), so that without the engine's own retries the call below times out
      Thread.sleep(5300);
      Thread comesBack = new Thread(() -> {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
        proxy.forward();
      });
      comesBack.start();
      long start = System.nanoTime();
      assertTimeoutPreemptively(poolTimeout.plus(SLACK), () -> {
        try (Connection c = engine.connect()) {
          assertEquals(1, c.execute(RawSql.of("SELECT 1")).scalar(SqlTypes.INTEGER));
        }
      });
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(poolTimeout) < 0, "took " + took);
      comesBack.join();
    }
  }

  @AllDatabases({Kind.POSTGRES, Kind.MARIADB})
  void aConnectWhileTheDatabaseStaysDownSaysSo(TestDatabase db) throws Exception {
    Duration poolTimeout = Duration.ofSeconds(1);
    try (TcpProxy proxy = TcpProxy.inFrontOf(db.jdbcUrl());
        Engine engine = Engine.builder(proxy.route(db.jdbcUrl())).poolSize(1).maxOverflow(0)
            .poolTimeout(poolTimeout).build()) {
      proxy.drop();
      ((DefaultEngine) engine).hikariConfigPool().softEvictConnections();
      ConnectionLostException e = assertTimeoutPreemptively(poolTimeout.plus(SLACK),
          () -> assertThrows(ConnectionLostException.class, engine::connect));
      assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
    }
  }

  /** A data source whose connections never open (a driver without a connect timeout, talking to a silent server). */
  private static final class HangingDataSource implements DataSource {
    @Override
    public java.sql.Connection getConnection() throws SQLException {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new SQLException("interrupted", "08001");
    }

    @Override
    public java.sql.Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
