package dev.quarry.orm;

import dev.quarry.engine.Connection;
import dev.quarry.engine.DatabaseException;
import dev.quarry.engine.Parameter;
import dev.quarry.engine.RawExecution;
import dev.quarry.engine.Transaction;
import dev.quarry.types.Vendor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The engine connection and transaction a session uses for one database. The session binds and
 * reads JDBC directly (generated mappings read the {@code ResultSet}), and every execution is
 * reported to the engine here — so engine statistics, SQL logging and listeners see it — counted
 * for the session and shown to its statement listener; failures become the engine's typed
 * exceptions.
 */
final class SessionConnection {
  private final Transaction transaction;
  private final Connection connection;
  private final java.sql.Connection jdbc;
  private boolean wrote;
  private final Vendor vendor;
  private final SessionStats stats;
  private final StatementListener listener;

  SessionConnection(Transaction transaction, SessionStats stats, StatementListener listener) {
    this.transaction = transaction;
    this.connection = transaction.connection();
    this.jdbc = connection.jdbc();
    this.vendor = connection.vendor();
    this.stats = stats;
    this.listener = listener;
  }

  Vendor vendor() {
    return vendor;
  }

  /**
   * The engine connection, for statements run through the engine itself (sequence blocks, Core
   * statements executed through the session). What runs there is unknown, so it counts as a write.
   */
  Connection engineConnection() {
    wrote = true;
    return connection;
  }

  /** Records that a statement Quarry did not build (raw SQL mapped to entities) ran here. */
  void markWritten() {
    wrote = true;
  }

  /** Whether anything that may have changed the database ran on this connection. */
  boolean wrote() {
    return wrote;
  }

  PreparedStatement prepare(String sql) {
    try {
      return jdbc.prepareStatement(sql);
    } catch (SQLException e) {
      throw failure(e, sql, List.of());
    }
  }

  PreparedStatement prepareReturningKeys(String sql, String[] keyColumns) {
    try {
      if (vendor == Vendor.SQLITE) {
        // sqlite-jdbc does not support column-named generated keys; it returns last_insert_rowid().
        return jdbc.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
      }
      return jdbc.prepareStatement(sql, keyColumns);
    } catch (SQLException e) {
      throw failure(e, sql, List.of());
    }
  }

  /** Executes an INSERT/UPDATE/DELETE with its bound parameters ({@code shown}: for logs and errors). */
  int executeUpdate(PreparedStatement ps, String sql, List<Parameter> shown) {
    wrote = true;
    RawExecution.before(connection, sql, shown);
    long start = System.nanoTime();
    try {
      int n = ps.executeUpdate();
      after(sql, shown, 1, start, n, null);
      return n;
    } catch (SQLException e) {
      DatabaseException failure = failure(e, sql, List.of(shown));
      after(sql, shown, 1, start, -1, failure);
      throw failure;
    }
  }

  int[] executeBatch(PreparedStatement ps, String sql, int size, List<Parameter> firstRow) {
    wrote = true;
    RawExecution.before(connection, sql, firstRow);
    long start = System.nanoTime();
    try {
      int[] counts = ps.executeBatch();
      stats.batchedRows += size;
      long total = 0;
      for (int c : counts) {
        total += Math.max(c, 0);
      }
      after(sql, firstRow, size, start, total, null);
      return counts;
    } catch (SQLException e) {
      DatabaseException failure = failure(e, sql, List.of(firstRow));
      after(sql, firstRow, size, start, -1, failure);
      throw failure;
    }
  }

  ResultSet executeQuery(PreparedStatement ps, String sql, List<Parameter> shown) {
    RawExecution.before(connection, sql, shown);
    long start = System.nanoTime();
    try {
      ResultSet rs = ps.executeQuery();
      after(sql, shown, 1, start, -1, null);
      return rs;
    } catch (SQLException e) {
      DatabaseException failure = failure(e, sql, List.of(shown));
      after(sql, shown, 1, start, -1, failure);
      throw failure;
    }
  }

  private void after(String sql, List<Parameter> shown, int batchSize, long start, long rows,
      DatabaseException failure) {
    stats.statements++;
    RawExecution.after(connection, sql, shown, batchSize, System.nanoTime() - start, rows, failure);
    if (listener != null && failure == null) {
      listener.onStatement(sql, batchSize);
    }
  }

  DatabaseException failure(SQLException e, String sql, List<List<Parameter>> rows) {
    return RawExecution.translate(connection, e, sql, rows);
  }

  void commit() {
    transaction.commit();
  }

  void rollback() {
    transaction.rollback();
  }

  /** Ends the transaction (rolling back if still active) and gives the connection back to the pool. */
  void close() {
    transaction.close();
  }
}
