package dev.quarry.orm;

import dev.quarry.types.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC connection a session uses for one database, inside the session's transaction. Every
 * statement goes through here so it is counted, logged and reported to the statement listener.
 */
final class SessionConnection {
  private static final Logger SQL_LOG = LoggerFactory.getLogger("dev.quarry.orm.SQL");

  private final Connection jdbc;
  private final Vendor vendor;
  private final SessionStats stats;
  private final StatementListener listener;

  SessionConnection(Connection jdbc, Vendor vendor, SessionStats stats, StatementListener listener) {
    this.jdbc = jdbc;
    this.vendor = vendor;
    this.stats = stats;
    this.listener = listener;
  }

  Vendor vendor() {
    return vendor;
  }

  Connection jdbc() {
    return jdbc;
  }

  PreparedStatement prepare(String sql) throws SQLException {
    return jdbc.prepareStatement(sql);
  }

  PreparedStatement prepareReturningKeys(String sql, String[] keyColumns) throws SQLException {
    if (vendor == Vendor.SQLITE) {
      // sqlite-jdbc does not support column-named generated keys; last_insert_rowid() is what it returns.
      return jdbc.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }
    return jdbc.prepareStatement(sql, keyColumns);
  }

  int executeUpdate(PreparedStatement ps, String sql) throws SQLException {
    long start = System.nanoTime();
    int n = ps.executeUpdate();
    after(sql, 1, start);
    return n;
  }

  int[] executeBatch(PreparedStatement ps, String sql, int size) throws SQLException {
    long start = System.nanoTime();
    int[] counts = ps.executeBatch();
    stats.batchedRows += size;
    after(sql, size, start);
    return counts;
  }

  ResultSet executeQuery(PreparedStatement ps, String sql) throws SQLException {
    long start = System.nanoTime();
    ResultSet rs = ps.executeQuery();
    after(sql, 1, start);
    return rs;
  }

  /** Runs a statement without parameters (sequence calls). */
  ResultSet executeQuery(String sql) throws SQLException {
    PreparedStatement ps = jdbc.prepareStatement(sql);
    ps.closeOnCompletion();
    return executeQuery(ps, sql);
  }

  private void after(String sql, int batchSize, long start) {
    stats.statements++;
    if (SQL_LOG.isDebugEnabled()) {
      SQL_LOG.debug("{} [{} row(s), {} µs]", sql, batchSize, (System.nanoTime() - start) / 1000);
    }
    if (listener != null) {
      listener.onStatement(sql, batchSize);
    }
  }

  void commit() throws SQLException {
    jdbc.commit();
  }

  void rollback() throws SQLException {
    jdbc.rollback();
  }

  void close() throws SQLException {
    jdbc.close();
  }
}
