package dev.quarry.spring;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.quarry.engine.ConnectionProvider;
import dev.quarry.engine.PoolStatus;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The engine's connections are Spring's: {@link DataSourceUtils} hands out the connection bound to
 * the current Spring transaction (the one {@code JdbcTemplate} uses), or a pooled one outside a
 * transaction. The application's pool stays the only pool.
 */
final class SpringConnectionProvider implements ConnectionProvider {
  private final DataSource dataSource;

  SpringConnectionProvider(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  DataSource dataSource() {
    return dataSource;
  }

  @Override
  public Connection acquire() throws SQLException {
    try {
      return DataSourceUtils.doGetConnection(dataSource);
    } catch (IllegalStateException e) {
      throw new SQLException(e.getMessage(), "08003", e);
    }
  }

  @Override
  public void release(Connection connection) throws SQLException {
    DataSourceUtils.doReleaseConnection(connection, dataSource);
  }

  @Override
  public boolean inManagedTransaction(Connection connection) {
    // Bound to the thread by a transaction manager (or by synchronization in a SUPPORTS scope):
    // Spring begins and ends whatever transaction is on it.
    return DataSourceUtils.isConnectionTransactional(connection, dataSource);
  }

  @Override
  public void markRollbackOnly(Connection connection) {
    // A failed flush left partial writes on the connection: the whole Spring transaction must not
    // commit them, even if the caller swallows the exception (commit then throws
    // UnexpectedRollbackException, as with JPA).
    if (DataSourceUtils.isConnectionTransactional(connection, dataSource)
        && TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
      holder.setRollbackOnly();
    }
  }

  /**
   * Runs {@code action} after Spring's transaction commits, never after its rollback, through a
   * transaction synchronization (Spring logs what it throws). At once when no synchronization is
   * active: outside a Spring transaction, and while Spring completes one — where a session's joined
   * transaction commits, after Spring's commit.
   */
  @Override
  public void afterCommit(Connection connection, Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      // afterCompletion, not afterCommit: it also runs for a synchronization registered during another's afterCommit
      @Override
      public void afterCompletion(int status) {
        if (status == STATUS_COMMITTED) {
          action.run();
        }
      }
    });
  }

  @Override
  public PoolStatus poolStatus() {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        if (pool != null) {
          return new PoolStatus(pool.getActiveConnections(), pool.getIdleConnections(), pool.getTotalConnections(),
              pool.getThreadsAwaitingConnection());
        }
      }
    } catch (SQLException | RuntimeException e) {
      // not a HikariCP pool we can read: unknown
    }
    return new PoolStatus(0, 0, 0, 0);
  }

  @Override
  public String toString() {
    return "Spring DataSource " + dataSource;
  }
}
