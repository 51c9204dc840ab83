package dev.quarry.engine;

import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** A pooled JDBC connection with Quarry's execution, transactions and result tracking. */
final class DefaultConnection implements Connection {
  private final DefaultEngine engine;
  private final java.sql.Connection jdbc;
  private final Vendor vendor;
  private final Driver driver;
  private final TransactionStack transactions;
  private final List<DefaultResult> openResults = new ArrayList<>();
  private boolean closed;
  /** A streaming PostgreSQL result turned autocommit off and will turn it back on when closed. */
  private int implicitTransactions;
  private boolean broken;
  /** A caller changed session settings ({@code SET ...}): reset before the next borrower gets the connection. */
  private boolean sessionChanged;
  private final SocketBound socketBound;
  /** The connection is in a transaction a {@link ConnectionProvider}'s owner begins and ends. */
  private final boolean managed;
  private final CommitActions commitActions;

  DefaultConnection(DefaultEngine engine, java.sql.Connection jdbc, boolean managed) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.managed = managed;
    this.vendor = engine.vendor();
    this.driver = Driver.of(vendor);
    this.socketBound = new SocketBound(jdbc, driver, engine.socketTimeoutMillis());
    this.commitActions = new CommitActions(engine, jdbc, managed);
    this.transactions = new TransactionStack(jdbc, driver, e -> fail(e, vendor, null, List.of(), false),
        managed ? () -> engine.joinedRollback(jdbc) : null, commitActions);
  }

  @Override
  public Engine engine() {
    return engine;
  }

  @Override
  public Vendor vendor() {
    return vendor;
  }

  @Override
  public IdentifierQuoting identifierQuoting() {
    return engine.identifierQuoting();
  }

  @Override
  public <R> R withConnection(ConnectionCallback<R> callback) {
    checkOpen();
    return callback.apply(this);
  }

  @Override
  public Result execute(Executable statement) {
    return execute(statement, ExecutionOptions.DEFAULT);
  }

  @Override
  public Result execute(Executable statement, ExecutionOptions options) {
    checkOpen();
    Objects.requireNonNull(options, "options");
    List<? extends Executable> parts = Objects.requireNonNull(statement, "statement")
        .parts(vendor, engine.identifierQuoting());
    Result result = parts.size() == 1 ? run(compile(parts.get(0)), options) : runParts(parts, options);
    try {
      wrote(statement.writes());
    } catch (RuntimeException | Error listenerFailure) {
      ((DefaultResult) result).closeQuietly();
      throw listenerFailure;
    }
    return result;
  }

  /** A statement that changed rows of {@code tables} succeeded (for {@link EngineListener#changesCommitted}). */
  private void wrote(Set<String> tables) {
    commitActions.wrote(tables, !transactions.isEmpty());
  }

  @Override
  public void afterCommit(Runnable action) {
    checkOpen();
    commitActions.add(Objects.requireNonNull(action, "action"), !transactions.isEmpty());
  }

  /**
   * A statement too large for one (see {@link Executable#parts}): its parts in a transaction, or a
   * savepoint inside the caller's, so that it changes all rows or none, as one statement would.
   */
  private Result runParts(List<? extends Executable> parts, ExecutionOptions options) {
    CompiledStatement[] last = new CompiledStatement[1];
    long count = inTransaction(c -> {
      long sum = 0;
      for (Executable part : parts) {
        last[0] = compile(part);
        try (Result r = run(last[0], options)) {
          if (r.returnsRows()) {
            throw new IllegalStateException("a statement split into parts cannot return rows; SQL: " + last[0].sql());
          }
          sum += r.rowCount();
        }
      }
      return sum;
    });
    return new DefaultResult(this, last[0], null, null, List.of(), count, null);
  }

  @Override
  public long executeUpdate(Executable statement) {
    try (Result result = execute(statement)) {
      return result.rowCount();
    }
  }

  @Override
  public BatchResult executeBatch(List<? extends Executable> statements) {
    checkOpen();
    if (statements.isEmpty()) {
      return new BatchResult(new int[0], List.of(), 0);
    }
    CompiledStatement first = compile(statements.get(0));
    List<List<Parameter>> rows = new ArrayList<>(statements.size());
    rows.add(first.parameters());
    for (int i = 1; i < statements.size(); i++) {
      CompiledStatement next = compile(statements.get(i));
      if (!next.sql().equals(first.sql())) {
        throw new IllegalArgumentException("a batch needs statements of one shape; statement " + i
            + " renders different SQL:\n  " + next.sql() + "\nthan statement 0:\n  " + first.sql());
      }
      rows.add(next.parameters());
    }
    BatchResult result = runBatch(first, BatchRows.ofParameters(rows), ExecutionOptions.DEFAULT);
    wrote(CommitActions.writes(statements));
    return result;
  }

  @Override
  public BatchResult executeBatch(Executable template, List<? extends List<?>> parameterRows) {
    return executeBatch(template, parameterRows, ExecutionOptions.DEFAULT);
  }

  @Override
  public BatchResult executeBatch(Executable template, List<? extends List<?>> parameterRows,
      ExecutionOptions options) {
    checkOpen();
    Objects.requireNonNull(options, "options");
    CompiledStatement compiled = compile(template);
    int width = compiled.parameters().size();
    for (int r = 0; r < parameterRows.size(); r++) {
      if (parameterRows.get(r).size() != width) {
        throw new IllegalArgumentException("parameter row " + r + " has " + parameterRows.get(r).size()
            + " values, the statement has " + width + " parameters; SQL: " + compiled.sql());
      }
    }
    if (parameterRows.isEmpty()) {
      return new BatchResult(new int[0], List.of(), 0);
    }
    BatchResult result = runBatch(compiled, BatchRows.ofValues(compiled.parameters(), parameterRows), options);
    wrote(template.writes());
    return result;
  }

  private CompiledStatement compile(Executable statement) {
    Objects.requireNonNull(statement, "statement");
    CompiledStatement compiled = statement.compile(vendor, engine.identifierQuoting());
    if (compiled == null) {
      throw new IllegalStateException(statement.getClass().getName() + ".compile returned null");
    }
    return compiled;
  }

  /**
   * The driver said the statement returned rows and then handed out no result set, as
   * ShardingSphere-JDBC does for INSERT/UPDATE/DELETE … RETURNING: an empty result would read as
   * "no row matched". The statement has run; the caller's transaction decides whether it stays.
   */
  private ProgrammingException rowsLost(CompiledStatement c, Duration elapsed) {
    ProgrammingException lost = new ProgrammingException("the driver reported rows for this statement but "
        + "returned no result set, so its rows (e.g. of RETURNING) are lost; ShardingSphere-JDBC does so with "
        + "RETURNING. The statement has run. SQL: " + c.sql(), null,
        new FailureContext(c.sql(), c.parameters(), vendor, null, 0));
    engine.afterExecute(new ExecutionEvent(c.sql(), c.parameters(), 1, elapsed, -1, lost));
    return lost;
  }

  private Result run(CompiledStatement c, ExecutionOptions options) {
    PreparedStatement ps = null;
    boolean implicit = false;
    ScheduledFuture<?> canceller = null;
    AtomicBoolean timedOut = new AtomicBoolean();
    long start = 0;
    boolean resultOwnsStatement = false;
    try {
      ps = prepare(c);
      bind(ps, c.parameters());
      if (options.fetchSize() > 0) {
        if (driver.streamsOnlyInTransaction() && transactions.isEmpty() && jdbc.getAutoCommit()) {
          jdbc.setAutoCommit(false); // a transaction for the cursor, ended when the result closes
          implicit = true;
          implicitTransactions++;
        }
        ps.setFetchSize(driver.fetchSize(options.fetchSize()));
      }
      canceller = applyTimeout(ps, options, timedOut);
      noteSessionChange(c.sql());
      engine.beforeExecute(c.sql(), c.parameters());
      start = System.nanoTime();
      boolean hasRows = ps.execute();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (options.fetchSize() == 0) {
        restoreNetworkTimeout(); // the rows have been read
      }
      DefaultResult result;
      Runnable afterClose = afterClose(canceller, implicit);
      if (hasRows) {
        ResultSet rs = ps.getResultSet();
        if (rs == null) {
          throw rowsLost(c, elapsed);
        }
        result = new DefaultResult(this, c, ps, rs, List.of(), -1, afterClose);
      } else {
        long count = ps.getUpdateCount();
        if (!c.generatedKeys().isEmpty()) {
          ResultSet keys = ps.getGeneratedKeys();
          result = new DefaultResult(this, c, ps, keys, c.generatedKeys(), count, afterClose);
        } else {
          result = new DefaultResult(this, c, ps, null, null, count, afterClose);
        }
      }
      openResults.add(result);
      resultOwnsStatement = true; // from here on, closing the result releases everything
      try {
        engine.afterExecute(new ExecutionEvent(c.sql(), c.parameters(), 1, elapsed, hasRows ? -1 : result.rowCount(),
            null));
      } catch (RuntimeException | Error listenerFailure) {
        result.closeQuietly();
        throw listenerFailure;
      }
      if (!result.returnsRows()) {
        result.close();
      }
      return result;
    } catch (SQLException e) {
      Duration elapsed = start == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
      if (!resultOwnsStatement) {
        release(ps, canceller, implicit);
      }
      DatabaseException failure = timedOutFailure(fail(e, vendor, c.sql(), List.of(c.parameters()),
          timedOut.get(), elapsed), options, elapsed);
      if (start != 0) {
        engine.afterExecute(new ExecutionEvent(c.sql(), c.parameters(), 1, elapsed, -1, failure));
      }
      throw failure;
    } catch (RuntimeException | Error e) {
      if (!resultOwnsStatement) {
        release(ps, canceller, implicit);
        restoreNetworkTimeout();
      }
      throw e;
    }
  }

  /** Gives {@code ps} the timeout of {@code options}: the driver's, or a timer's cancel (returned) where it has none. */
  private ScheduledFuture<?> applyTimeout(PreparedStatement ps, ExecutionOptions options, AtomicBoolean timedOut)
      throws SQLException {
    if (!options.hasTimeout()) {
      return null;
    }
    if (!driver.queryTimeoutBoundsExecution()) {
      return engine.scheduleCancel(ps, options.timeout(), timedOut);
    }
    ps.setQueryTimeout((int) Driver.wholeSeconds(options.timeout()));
    socketBound.bound(options.timeout());
    return null;
  }

  /** {@code failure}, or a timeout when the socket's bound cut the connection because the cancel did not come back. */
  private DatabaseException timedOutFailure(DatabaseException failure, ExecutionOptions options, Duration elapsed) {
    boolean cut = failure instanceof ConnectionLostException && socketBound.active() && options.hasTimeout()
        && elapsed.compareTo(options.timeout()) >= 0;
    restoreNetworkTimeout();
    return cut ? ExceptionTranslator.frozen((ConnectionLostException) failure, options.timeout()) : failure;
  }

  private void restoreNetworkTimeout() {
    if (!socketBound.restore(broken)) {
      broken = true; // cannot be trusted with the wrong bound: discard it on close
    }
  }

  private void noteSessionChange(String sql) {
    if (!sessionChanged && driver.changesSession(sql)) {
      sessionChanged = true;
    }
  }

  @Override
  public void markSessionChanged() {
    checkOpen();
    sessionChanged = true;
  }

  private Runnable afterClose(ScheduledFuture<?> canceller, boolean implicit) {
    if (canceller == null && !implicit && !socketBound.active()) {
      return null;
    }
    return () -> {
      restoreNetworkTimeout();
      if (canceller != null) {
        canceller.cancel(false);
      }
      if (implicit) {
        endImplicitTransaction();
      }
    };
  }

  private void release(Statement ps, ScheduledFuture<?> canceller, boolean implicit) {
    if (canceller != null) {
      canceller.cancel(false);
    }
    if (ps != null) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // the execution error is the one to report
      }
    }
    if (implicit) {
      endImplicitTransaction();
    }
  }

  /** Ends the transaction a streaming PostgreSQL result opened: commit (autocommit semantics), autocommit back on. */
  private void endImplicitTransaction() {
    implicitTransactions--;
    if (implicitTransactions > 0 || closed) {
      return;
    }
    try {
      try {
        jdbc.commit();
      } catch (SQLException e) {
        jdbc.rollback();
      }
      jdbc.setAutoCommit(true);
    } catch (SQLException e) {
      throw fail(e, vendor, null, List.of(), false);
    }
  }

  /**
   * Runs one statement for every row: a JDBC batch, or a plain execution for a single row. Keys
   * come back from the batch where the driver returns every row's key, else row by row.
   */
  private BatchResult runBatch(CompiledStatement c, BatchRows rows, ExecutionOptions options) {
    boolean wantKeys = !c.generatedKeys().isEmpty();
    int size = rows.size();
    PreparedStatement ps = null;
    ScheduledFuture<?> canceller = null;
    AtomicBoolean timedOut = new AtomicBoolean();
    long start = 0;
    try {
      ps = prepare(c);
      canceller = applyTimeout(ps, options, timedOut);
      noteSessionChange(c.sql());
      int[] counts;
      List<Row> keys = wantKeys ? new ArrayList<>(size) : List.of();
      boolean rowByRow = size == 1 || wantKeys && !driver.batchReturnsEveryKey();
      if (rowByRow) {
        counts = new int[size];
        engine.beforeExecute(c.sql(), rows.shown(0));
        start = System.nanoTime();
        for (int r = 0; r < size; r++) {
          rows.bind(ps, r, this);
          counts[r] = ps.executeUpdate();
          if (wantKeys) {
            readKeys(ps, c, keys);
          }
        }
      } else {
        for (int r = 0; r < size; r++) {
          rows.bind(ps, r, this);
          ps.addBatch();
        }
        engine.beforeExecute(c.sql(), rows.shown(0));
        start = System.nanoTime();
        counts = ps.executeBatch();
        if (wantKeys) {
          readKeys(ps, c, keys);
        }
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      BatchResult result = new BatchResult(counts, keys, rowByRow ? size : 1);
      release(ps, canceller, false); // done: closes the statement, stops the timer
      restoreNetworkTimeout();
      engine.afterExecute(new ExecutionEvent(c.sql(), rows.shown(0), size, elapsed, result.totalCount(), null));
      return result;
    } catch (SQLException e) {
      Duration elapsed = start == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
      release(ps, canceller, false);
      DatabaseException failure = timedOutFailure(fail(e, vendor, c.sql(), rows.shownAll(), timedOut.get(), elapsed),
          options, elapsed);
      if (start != 0) {
        engine.afterExecute(new ExecutionEvent(c.sql(), rows.shown(0), size, elapsed, -1, failure));
      }
      throw failure;
    } catch (RuntimeException | Error e) {
      release(ps, canceller, false);
      restoreNetworkTimeout();
      throw e;
    }
  }

  private void readKeys(PreparedStatement ps, CompiledStatement c, List<Row> into) throws SQLException {
    try (ResultSet rs = ps.getGeneratedKeys()) {
      ResultShape shape = ResultShape.of(rs, c.resultColumns(), c.generatedKeys(), vendor, c.sql());
      while (rs.next()) {
        into.add(new DefaultRow(shape, shape.read(rs)));
      }
    }
  }

  private PreparedStatement prepare(CompiledStatement c) throws SQLException {
    if (c.generatedKeys().isEmpty()) {
      return jdbc.prepareStatement(c.sql());
    }
    return driver.prepareReturningKeys(jdbc, c.sql(), c.generatedKeys().toArray(new String[0]));
  }

  private void bind(PreparedStatement ps, List<Parameter> parameters) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      bind(ps, i, p, p.value());
    }
  }

  /** Binds {@code value} as parameter {@code i} (from 0) of the shape {@code p}: its type, or the value's. */
  void bind(PreparedStatement ps, int i, Parameter p, Object value) throws SQLException {
    SqlType<?> type = p.type() != null ? p.type() : SqlTypes.forValue(value);
    try {
      type.bindObject(ps, i + 1, value, vendor);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parameter " + (i + 1) + (p.name() == null ? "" : " (" + p.name() + ")")
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Transaction begin() {
    return begin(TransactionOptions.DEFAULT);
  }

  @Override
  public Transaction begin(TransactionOptions options) {
    return beginTransaction(options, false);
  }

  DefaultTransaction beginTransaction(TransactionOptions options, boolean ownsConnection) {
    checkOpen();
    Objects.requireNonNull(options, "options");
    if (!transactions.isEmpty()) {
      throw new IllegalStateException("a transaction is already in progress on this connection; "
          + "use beginNested() for a savepoint inside it");
    }
    if (implicitTransactions > 0) {
      throw new IllegalStateException("a streaming result is open on this connection outside a transaction; "
          + "close it before begin(), or open the transaction before streaming");
    }
    return transactions.begin(this, options, engine.readOnly(), ownsConnection);
  }

  @Override
  public Transaction beginNested() {
    checkOpen();
    if (transactions.isEmpty()) {
      throw new IllegalStateException("beginNested() needs a transaction in progress; call begin() first");
    }
    return transactions.beginNested(this);
  }

  void endTransaction(DefaultTransaction tx, boolean commit) {
    if (!tx.isActive()) {
      throw new IllegalStateException("the transaction has already been committed or rolled back");
    }
    checkOpen();
    transactions.end(tx, commit);
  }

  @Override
  public <R> R inTransaction(ConnectionCallback<R> callback) {
    return inTransaction(TransactionOptions.DEFAULT, callback);
  }

  @Override
  public <R> R inTransaction(TransactionOptions options, ConnectionCallback<R> callback) {
    Transaction tx = transactions.isEmpty() ? begin(options) : beginNested();
    R result;
    try {
      result = callback.apply(this);
    } catch (Throwable t) {
      if (tx.isActive() && !closed) {
        try {
          tx.rollback();
        } catch (RuntimeException suppressed) {
          t.addSuppressed(suppressed);
        }
      }
      throw t;
    }
    tx.commit();
    return result;
  }

  @Override
  public boolean isInTransaction() {
    return !transactions.isEmpty();
  }

  @Override
  public java.sql.Connection jdbc() {
    checkOpen();
    return jdbc;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    RuntimeException failure = null;
    for (DefaultResult result : new ArrayList<>(openResults)) {
      try {
        result.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (!transactions.isEmpty()) {
      try {
        endTransaction(transactions.outermost(), false);
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    closed = true;
    restoreNetworkTimeout();
    if (broken) {
      engine.evict(jdbc); // HikariCP does not know every vendor's "connection gone" codes
    } else if (sessionChanged) {
      engine.resetSession(jdbc, managed); // HikariCP resets only what was changed through JDBC setters
    }
    try {
      engine.release(jdbc); // back to the pool, which resets autocommit, isolation and read-only
    } catch (SQLException e) {
      failure = failure == null ? fail(e, vendor, null, List.of(), false) : failure;
    }
    if (failure instanceof ConnectionLostException) {
      return; // nothing to roll back on a dead connection; the pool discards it
    }
    if (failure != null) {
      throw failure;
    }
  }

  void resultClosed(DefaultResult result) {
    openResults.remove(result);
  }

  DatabaseException translate(SQLException e, CompiledStatement statement, boolean timedOut) {
    return fail(e, vendor, statement.sql(), List.of(statement.parameters()), timedOut);
  }

  DatabaseException translate(SQLException e, String sql, List<List<Parameter>> rows) {
    return fail(e, vendor, sql, rows, false);
  }

  private DatabaseException fail(SQLException e, Vendor v, String sql, List<List<Parameter>> rows, boolean timedOut) {
    return fail(e, v, sql, rows, timedOut, Duration.ZERO);
  }

  /**
   * Translates, and remembers when the connection died so that the pool discards it on close.
   * {@code waited}: how long the statement ran, which a busy SQLite database reports.
   */
  private DatabaseException fail(SQLException e, Vendor v, String sql, List<List<Parameter>> rows, boolean timedOut,
      Duration waited) {
    DatabaseException translated = ExceptionTranslator.translate(e, v, sql, rows, timedOut,
        new ExceptionTranslator.BusyWait(waited, () -> driver.busyTimeout(jdbc)));
    if (translated instanceof ConnectionLostException) {
      broken = true;
    }
    return translated;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the connection is closed");
    }
  }

  @Override
  public String toString() {
    return "Connection[" + vendor.displayName() + (transactions.isEmpty() ? "" : ", in transaction") + "]";
  }
}
