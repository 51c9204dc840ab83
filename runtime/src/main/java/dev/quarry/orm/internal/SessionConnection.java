package dev.quarry.orm.internal;

import dev.quarry.engine.BatchResult;
import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Connection;
import dev.quarry.engine.CursorReader;
import dev.quarry.engine.CursorScan;
import dev.quarry.engine.Executable;
import dev.quarry.engine.ExecutionOptions;
import dev.quarry.engine.Result;
import dev.quarry.engine.Transaction;
import dev.quarry.engine.TransactionOptions;
import dev.quarry.orm.StatementListener;
import dev.quarry.types.Vendor;
import java.util.List;
import java.util.stream.Stream;

/**
 * The engine connection and transaction a session uses for one database. Every statement the
 * session sends runs through the engine's {@link Connection} (so engine statistics, SQL logging,
 * listeners and error translation see it); here it is also counted for the session and shown to
 * the session's statement listener.
 *
 * <p>The transaction begins with the connection, or, for a factory built with
 * {@code readsOutsideTransaction(true)}, just before the first statement that may write: reads
 * before it run in autocommit, as Hibernate's reads outside a transaction do.
 */
final class SessionConnection implements StatementRunner {
  /** Rows a streamed query fetches at a time (PostgreSQL streams inside the session's transaction). */
  private static final int STREAMING_FETCH_SIZE = 500;

  private Transaction transaction;
  private final TransactionOptions options;
  private final Connection connection;
  private boolean wrote;
  private final Vendor vendor;
  private final SessionStats stats;
  private final StatementListener listener;
  /** Options of the session's statements: the factory's {@code statementTimeout}, if any. */
  private final ExecutionOptions defaults;

  /**
   * A connection for a session; its transaction begins now, or at the first statement that may
   * write when {@code deferTransaction}.
   */
  SessionConnection(Connection connection, TransactionOptions options, boolean deferTransaction, SessionStats stats,
      StatementListener listener, java.time.Duration timeout) {
    this.connection = connection;
    this.defaults = ExecutionOptions.timeout(timeout);
    this.options = options;
    this.vendor = connection.vendor();
    this.stats = stats;
    this.listener = listener;
    if (!deferTransaction) {
      begin();
    }
  }

  /** Begins the session's transaction unless it has; every statement that may write calls it first. */
  private void begin() {
    if (transaction == null) {
      transaction = connection.begin(options);
    }
  }

  /** Whether the session's transaction has begun (it has, unless reads run outside one until the first write). */
  boolean inTransaction() {
    return transaction != null;
  }

  @Override
  public Vendor vendor() {
    return vendor;
  }

  /**
   * The engine connection, for statements run through the engine itself (sequence blocks, Core
   * statements executed through the session). What runs there is unknown, so it counts as a write.
   */
  Connection engineConnection() {
    begin();
    wrote = true;
    return connection;
  }

  /** Runs a Core statement given to the session (it counts as a write), with the session's statement timeout. */
  Result execute(Executable statement) {
    return engineConnection().execute(statement, defaults);
  }

  /** Records that a statement Quarry did not build (raw SQL mapped to entities) is about to run here. */
  void markWritten() {
    begin();
    wrote = true;
  }

  /** Whether anything that may have changed the database ran on this connection. */
  boolean wrote() {
    return wrote;
  }

  /** Runs a query and hands its open cursor to {@code scan}, which reads the rows in its own loop. */
  @Override
  public <R> R query(Executable statement, CursorScan<R> scan) {
    return query(statement, scan, null);
  }

  /** {@link #query(Executable, CursorScan)} with a statement timeout; null: the session's. */
  <R> R query(Executable statement, CursorScan<R> scan, java.time.Duration statementTimeout) {
    CompiledStatement c = statement.compile(vendor, connection.identifierQuoting());
    Result result = connection.execute(c, options(statementTimeout));
    counted(c.sql(), 1);
    return result.scan(scan);
  }

  /** The options of a statement: its own timeout, else the session's. */
  private ExecutionOptions options(java.time.Duration statementTimeout) {
    return statementTimeout == null ? defaults : ExecutionOptions.timeout(statementTimeout);
  }

  /**
   * Runs a query whose rows {@code reader} reads as the stream is consumed; closing the stream
   * closes the cursor. {@code statementTimeout}: null for the session's.
   */
  <T> Stream<T> stream(Executable statement, CursorReader<T> reader, java.time.Duration statementTimeout) {
    CompiledStatement c = statement.compile(vendor, connection.identifierQuoting());
    Result result = connection.execute(c, options(statementTimeout).withFetchSize(STREAMING_FETCH_SIZE));
    counted(c.sql(), 1);
    return result.stream(reader);
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the rows it changed. */
  long update(Executable statement) {
    begin();
    wrote = true;
    List<? extends Executable> parts = statement.parts(vendor, connection.identifierQuoting());
    long count = 0;
    for (Executable part : parts) {
      // The session's transaction is the all-or-nothing of a statement split into parts.
      CompiledStatement c = part.compile(vendor, connection.identifierQuoting());
      try (Result result = connection.execute(c, defaults)) {
        count += result.rowCount();
      }
      counted(c.sql(), 1);
    }
    return count;
  }

  /**
   * Runs {@code template} once per row of values, as one batch; the result has a count per row
   * and, when the template asks for generated keys, a key row per row.
   */
  @Override
  public BatchResult batch(Executable template, List<? extends List<?>> rows) {
    begin();
    wrote = true;
    CompiledStatement c = template.compile(vendor, connection.identifierQuoting());
    BatchResult result = connection.executeBatch(c, rows, defaults);
    if (result.executions() == 1) {
      if (rows.size() > 1) {
        stats.batchedRows += rows.size();
      }
      counted(c.sql(), rows.size());
    } else {
      for (int i = 0; i < result.executions(); i++) {
        counted(c.sql(), 1);
      }
    }
    return result;
  }

  private void counted(String sql, int batchSize) {
    stats.statements++;
    if (listener != null) {
      listener.onStatement(sql, batchSize);
    }
  }

  void commit() {
    if (transaction != null) {
      transaction.commit();
    }
  }

  void rollback() {
    if (transaction != null) {
      transaction.rollback();
    }
  }

  /** Ends the transaction (rolling back if still active) and gives the connection back to the pool. */
  void close() {
    try {
      if (transaction != null) {
        transaction.close();
      }
    } finally {
      connection.close();
    }
  }
}
