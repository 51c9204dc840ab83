package dev.quarry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.sql.Sql;
import dev.quarry.types.Vendor;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An engine on a framework's connections: no pool of its own, and transactions joined to the framework's. */
class ConnectionProviderTest {
  private java.sql.Connection framework;
  private boolean managed;
  private final AtomicInteger released = new AtomicInteger();
  private final AtomicInteger rollbackOnly = new AtomicInteger();
  private Engine engine;

  @BeforeEach
  void open() throws SQLException {
    framework = DriverManager.getConnection("jdbc:h2:mem:provider_" + System.nanoTime());
    try (Statement s = framework.createStatement()) {
      s.execute("CREATE TABLE t (x INT)");
    }
    engine = Engine.builder(new ConnectionProvider() {
      @Override
      public java.sql.Connection acquire() {
        return framework;
      }

      @Override
      public void release(java.sql.Connection connection) {
        released.incrementAndGet();
      }

      @Override
      public boolean inManagedTransaction(java.sql.Connection connection) {
        return managed;
      }

      @Override
      public void markRollbackOnly(java.sql.Connection connection) {
        rollbackOnly.incrementAndGet();
      }
    }).build();
  }

  @AfterEach
  void close() throws SQLException {
    engine.close();
    assertFalse(framework.isClosed(), "the framework's connection is the framework's to close");
    framework.close();
  }

  private int rows() throws SQLException {
    try (Statement s = framework.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void vendorComesFromTheProvidersConnectionAndClosingReleases() {
    assertEquals(Vendor.H2, engine.vendor());
    int before = released.get();
    engine.runInTransaction(c -> c.executeUpdate(Sql.text("INSERT INTO t VALUES (1)")));
    assertEquals(before + 1, released.get());
    assertEquals(new PoolStatus(0, 0, 0, 0), engine.poolStatus());
  }

  @Test
  void unmanagedConnectionsGetQuarrysOwnTransactions() throws SQLException {
    engine.runInTransaction(c -> c.executeUpdate(Sql.text("INSERT INTO t VALUES (1)")));
    assertTrue(framework.getAutoCommit());
    assertEquals(1, rows());
  }

  @Test
  void joinedTransactionNeitherCommitsNorRollsBackTheConnection() throws SQLException {
    framework.setAutoCommit(false); // the framework's transaction
    managed = true;
    engine.runInTransaction(c -> c.executeUpdate(Sql.text("INSERT INTO t VALUES (1)")));
    assertFalse(framework.getAutoCommit(), "a joined transaction leaves autocommit alone");
    framework.rollback(); // the framework decides
    assertEquals(0, rows());

    try (Connection c = engine.connect(); Transaction tx = c.begin()) {
      c.executeUpdate(Sql.text("INSERT INTO t VALUES (2)"));
      tx.rollback();
    }
    assertEquals(1, rollbackOnly.get(), "a joined rollback asks the framework to roll back");
    assertEquals(1, rows(), "but does not roll back the connection under the framework's feet");
    framework.commit();
    assertEquals(1, rows());
  }

  @Test
  void savepointsStillWorkInAJoinedTransaction() throws SQLException {
    framework.setAutoCommit(false);
    managed = true;
    try (Connection c = engine.connect(); Transaction tx = c.begin()) {
      c.executeUpdate(Sql.text("INSERT INTO t VALUES (1)"));
      Transaction nested = c.beginNested();
      c.executeUpdate(Sql.text("INSERT INTO t VALUES (2)"));
      nested.rollback();
      tx.commit();
    }
    framework.commit();
    assertEquals(1, rows());
    assertEquals(0, rollbackOnly.get());
  }
}
