package dev.quarry.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.quarry.types.Vendor;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine: a HikariCP pool over an {@link EngineDataSource}, events, logging and statistics. */
final class DefaultEngine implements Engine {
  private static final Logger SQL_LOG = LoggerFactory.getLogger("dev.quarry.sql");
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final String displayUrl;
  private final boolean echo;
  private final IdentifierQuoting identifierQuoting;
  private final boolean readOnly;
  private final boolean singleConnection;
  private final List<EngineListener> listeners;
  private final EngineDataSource source;
  /** Null when {@link #provider} lends the connections. */
  private final HikariDataSource pool;
  /** Non-null: a framework's pool and transactions (see {@link ConnectionProvider}); the engine pools nothing. */
  private final ConnectionProvider provider;
  private final HikariConfig config;
  private final Vendor vendor;
  private final java.sql.Connection keepAlive;
  private final Map<Class<?>, Object> extensions = new ConcurrentHashMap<>();
  private final LongAdder statements = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder nanos = new LongAdder();
  private final int socketTimeoutMillis;
  private volatile ScheduledExecutorService canceller;
  private volatile boolean closed;

  DefaultEngine(EngineBuilder b) {
    this.echo = b.echo;
    this.identifierQuoting = b.identifierQuoting;
    this.readOnly = b.readOnly;
    this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    String url = b.url;
    this.singleConnection = EmbeddedUrls.isSqliteMemory(url);
    boolean h2Memory = EmbeddedUrls.isH2Memory(url);
    if (h2Memory) {
      url = EmbeddedUrls.nameH2Memory(url);
    }
    this.displayUrl = EmbeddedUrls.describe(url);
    Properties properties = new Properties();
    properties.putAll(b.properties);
    if (b.username != null) {
      properties.setProperty("user", b.username);
    }
    if (b.password != null) {
      properties.setProperty("password", b.password);
    }
    Vendor urlVendor = Vendor.fromJdbcUrl(url);
    Duration connectTimeout = b.connectTimeout != null ? b.connectTimeout : b.poolTimeout;
    if (url != null) {
      Driver driver = Driver.of(urlVendor);
      driver.refuseCodeRunningOptions(url, properties, b.allowedUrlOptions);
      addUnlessGiven(properties, driver.urlOptions(url), driver.connectTimeoutProperties(connectTimeout));
    }
    this.socketTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, b.socketTimeout.toMillis());
    this.source = new EngineDataSource(url, properties, b.dataSource, b.sqliteForeignKeys, b.readOnly, listeners,
        socketTimeoutMillis);
    this.config = configure(b, urlVendor);
    this.provider = b.provider;
    if (provider != null) {
      this.pool = null;
      this.keepAlive = null;
      this.vendor = detectVendor(provider);
      return;
    }
    java.sql.Connection held = null;
    try {
      if (h2Memory && !EmbeddedUrls.hasH2CloseDelay(url)) {
        // H2 drops an in-memory database when its last connection closes (e.g. when the pool
        // retires them all); a connection held for the engine's lifetime keeps it.
        held = source.openRaw();
      }
      this.pool = startPool(connectTimeout);
      this.vendor = source.vendor();
    } catch (SQLException | RuntimeException e) {
      closeQuietly(held);
      throw startFailure(e, urlVendor);
    }
    this.keepAlive = held;
    HikariPoolMXBean mx = pool.getHikariPoolMXBean();
    source.started(mx::getThreadsAwaitingConnection);
  }

  /** The vendor of a provider's database, from a connection's metadata: the engine's first connection, as a pool's is. */
  private static Vendor detectVendor(ConnectionProvider provider) {
    try {
      java.sql.Connection connection = provider.acquire();
      try {
        return Vendor.fromProductName(connection.getMetaData().getDatabaseProductName());
      } finally {
        provider.release(connection);
      }
    } catch (SQLException e) {
      throw new ConnectionLostException("Could not connect through " + provider + ": " + e.getMessage(), e,
          new FailureContext(null, List.of(), Vendor.OTHER, e.getSQLState(), e.getErrorCode()));
    }
  }

  /** Puts {@code defaults} into {@code properties} unless the URL or the properties name the option already. */
  static void addUnlessGiven(Properties properties, List<String> urlOptions, Map<String, String> defaults) {
    java.util.Set<String> given = new java.util.HashSet<>();
    for (String name : urlOptions) {
      given.add(name.toLowerCase(java.util.Locale.ROOT));
    }
    for (String name : properties.stringPropertyNames()) {
      given.add(name.toLowerCase(java.util.Locale.ROOT));
    }
    defaults.forEach((name, value) -> {
      if (!given.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        properties.setProperty(name, value);
      }
    });
  }

  /**
   * Starts the pool and opens a first connection (failing fast when the database is unreachable;
   * the vendor is read from it) on a helper thread, waiting at most {@code connectTimeout} plus a
   * second: a driver without a connect timeout of its own (a {@code DataSource}, H2 over TCP)
   * would otherwise hold {@code build()} for good. A pool that starts after the wait gave up is
   * closed by that thread.
   */
  private HikariDataSource startPool(Duration connectTimeout) throws SQLException {
    java.util.concurrent.CompletableFuture<HikariDataSource> started = new java.util.concurrent.CompletableFuture<>();
    AtomicBoolean abandoned = new AtomicBoolean();
    Thread starter = new Thread(() -> {
      try {
        HikariDataSource p = new HikariDataSource(config);
        try {
          p.getConnection().close();
        } catch (SQLException | RuntimeException e) {
          p.close();
          throw e;
        }
        synchronized (abandoned) {
          if (abandoned.get()) {
            p.close();
            return;
          }
          started.complete(p);
        }
      } catch (Throwable t) {
        started.completeExceptionally(t);
      }
    }, config.getPoolName() + "-start");
    starter.setDaemon(true);
    starter.start();
    long waitMillis = connectTimeout.toMillis() + 1000;
    try {
      return started.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      synchronized (abandoned) {
        abandoned.set(true);
        if (started.isDone() && !started.isCompletedExceptionally()) {
          return started.join(); // started just now
        }
      }
      source.close();
      throw new SQLTransientConnectionException("the database did not answer within " + waitMillis
          + " ms (connectTimeout " + connectTimeout.toMillis() + " ms)", "08001");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw sql;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      synchronized (abandoned) {
        abandoned.set(true);
      }
      throw new QuarryException("interrupted while starting the connection pool", e);
    }
  }

  private HikariConfig configure(EngineBuilder b, Vendor urlVendor) {
    HikariConfig c = new HikariConfig();
    c.setDataSource(source);
    c.setPoolName(b.poolName != null ? b.poolName : "quarry-" + POOL_NUMBER.incrementAndGet());
    c.setAutoCommit(true);
    c.setConnectionTimeout(b.poolTimeout.toMillis());
    c.setValidationTimeout(Math.min(b.validationTimeout.toMillis(), Math.max(250, b.poolTimeout.toMillis() - 1)));
    c.setInitializationFailTimeout(1);
    if (!b.leakDetectionThreshold.isZero()) {
      if (!b.recycle.isZero() && b.leakDetectionThreshold.compareTo(b.recycle) > 0) {
        throw new IllegalArgumentException("leakDetectionThreshold (" + b.leakDetectionThreshold
            + ") must not exceed recycle (" + b.recycle + "): HikariCP would ignore it");
      }
      c.setLeakDetectionThreshold(b.leakDetectionThreshold.toMillis());
    }
    if (singleConnection) {
      // One in-memory SQLite database per connection: keep exactly one, forever.
      c.setMaximumPoolSize(1);
      c.setMinimumIdle(1);
      c.setMaxLifetime(0);
      c.setIdleTimeout(0);
      c.setKeepaliveTime(0);
    } else {
      c.setMaximumPoolSize(b.poolSize + b.maxOverflow);
      c.setMinimumIdle(b.poolSize);
      c.setIdleTimeout(b.maxOverflow == 0 ? 0 : b.overflowIdleTimeout.toMillis());
      c.setMaxLifetime(b.recycle.toMillis());
      boolean keepaliveFits = b.recycle.isZero() || b.keepalive.compareTo(b.recycle) < 0;
      c.setKeepaliveTime(b.prePing && keepaliveFits ? b.keepalive.toMillis() : 0);
    }
    if (b.metricsTrackerFactory != null) {
      c.setMetricsTrackerFactory(b.metricsTrackerFactory);
    }
    if (b.isolationLevel != null) {
      c.setTransactionIsolation("TRANSACTION_" + b.isolationLevel.name());
    }
    if (b.readOnly && Driver.of(urlVendor).poolMaySetReadOnly()) {
      c.setReadOnly(true); // otherwise the driver's own set-up makes new connections read-only
    }
    return c;
  }

  private QuarryException startFailure(Exception e, Vendor urlVendor) {
    Throwable t = e;
    while (t != null && !(t instanceof SQLException)) {
      t = t.getCause();
    }
    String target = displayUrl != null ? displayUrl : "the DataSource";
    if (t == null) {
      return new QuarryException("Could not start the connection pool for " + target + ": " + e.getMessage(), e);
    }
    SQLException s = (SQLException) t;
    return new ConnectionLostException("Could not connect to " + target + ": " + s.getMessage(), e,
        new FailureContext(null, List.of(), urlVendor, s.getSQLState(), s.getErrorCode()));
  }

  HikariConfig hikariConfig() {
    return config;
  }

  /** The pool's MXBean, for tests that retire connections. */
  HikariPoolMXBean hikariConfigPool() {
    return pool.getHikariPoolMXBean();
  }

  boolean readOnly() {
    return readOnly;
  }

  @Override
  public Vendor vendor() {
    return vendor;
  }

  @Override
  public IdentifierQuoting identifierQuoting() {
    return identifierQuoting;
  }

  @Override
  public String url() {
    return displayUrl;
  }

  @Override
  public Connection connect() {
    checkOpen();
    if (provider != null) {
      java.sql.Connection jdbc;
      try {
        jdbc = provider.acquire();
      } catch (SQLException e) {
        throw ExceptionTranslator.translate(e, vendor, null, List.of(), false);
      }
      return new DefaultConnection(this, jdbc, provider.inManagedTransaction(jdbc));
    }
    try {
      return new DefaultConnection(this, pool.getConnection(), false);
    } catch (SQLException e) {
      throw borrowFailure(e);
    }
  }

  private QuarryException borrowFailure(SQLException e) {
    SQLException unreachable = source.unreachable();
    if (e instanceof SQLTransientConnectionException && unreachable != null) {
      DatabaseException lost = ExceptionTranslator.translate(unreachable, vendor, null, List.of(), false);
      return new ConnectionLostException("No connection from pool '" + config.getPoolName() + "' within "
          + config.getConnectionTimeout() + " ms: the database cannot be reached. " + lost.getMessage(), unreachable,
          new FailureContext(null, List.of(), vendor, unreachable.getSQLState(), unreachable.getErrorCode()));
    }
    if (e instanceof SQLTransientConnectionException && e.getCause() == null) {
      PoolStatus status = poolStatus();
      String hint = singleConnection
          ? " An in-memory SQLite engine has a single connection: a thread that holds it and asks for another waits"
              + " forever — pass the Connection along instead, or use a file database."
          : " Close connections, results and transactions (try-with-resources), or raise poolSize/maxOverflow"
              + " (now at most " + config.getMaximumPoolSize() + ").";
      return new PoolTimeoutException("No connection available from pool '" + config.getPoolName() + "' within "
          + config.getConnectionTimeout() + " ms (" + status + ")." + hint, e, status);
    }
    return ExceptionTranslator.translate(e, vendor, null, List.of(), false);
  }

  void evict(java.sql.Connection connection) {
    if (pool != null) {
      pool.evictConnection(connection); // a provider's pool finds dead connections itself
    }
  }

  /** Gives a connection back: to the pool (closing HikariCP's proxy) or to the provider. */
  void release(java.sql.Connection connection) throws SQLException {
    if (provider != null) {
      provider.release(connection);
    } else {
      connection.close();
    }
  }

  /** Hands {@code action} to the provider, to run when its owner's transaction on {@code connection} commits. */
  void afterOwnerCommit(java.sql.Connection connection, Runnable action) {
    provider.afterCommit(connection, action);
  }

  /** A transaction joined to the provider's on {@code connection} was rolled back. */
  void joinedRollback(java.sql.Connection connection) {
    provider.markRollbackOnly(connection);
  }

  /**
   * Before a connection whose session a caller changed goes back to the pool: puts the session
   * back in place where the driver can (then repeats the connection set-up), else discards the
   * connection. An in-memory SQLite engine's single connection holds the database: it is kept.
   */
  void resetSession(java.sql.Connection connection, boolean managed) {
    if (singleConnection || managed) {
      return; // the transaction's owner still uses the connection: the change stays until it is closed
    }
    if (provider != null) {
      try {
        Driver.of(vendor).resetSession(connection); // PostgreSQL: DISCARD ALL; elsewhere nothing can be evicted here
      } catch (SQLException | RuntimeException e) {
        // the pool's owner resets or discards it
      }
      return;
    }
    try {
      if (Driver.of(vendor).resetSession(connection)) {
        source.setUp(connection, vendor);
        String isolation = config.getTransactionIsolation();
        if (isolation != null) {
          connection.setTransactionIsolation(IsolationLevel.valueOf(isolation.substring("TRANSACTION_".length()))
              .jdbcLevel());
        }
        return;
      }
    } catch (SQLException | RuntimeException e) {
      // could not reset: a new connection starts clean
    }
    pool.evictConnection(connection);
  }

  /** The engine's socket timeout in milliseconds; 0 when off. */
  int socketTimeoutMillis() {
    return socketTimeoutMillis;
  }
  @Override
  public Transaction begin() {
    return begin(TransactionOptions.DEFAULT);
  }

  @Override
  public Transaction begin(TransactionOptions options) {
    DefaultConnection connection = (DefaultConnection) connect();
    try {
      return connection.beginTransaction(options, true);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public <R> R inTransaction(ConnectionCallback<R> callback) {
    return inTransaction(TransactionOptions.DEFAULT, callback);
  }

  @Override
  public <R> R inTransaction(TransactionOptions options, ConnectionCallback<R> callback) {
    try (Connection connection = connect()) {
      return connection.inTransaction(options, callback);
    }
  }

  @Override
  public <R> R withConnection(ConnectionCallback<R> callback) {
    try (Connection connection = connect()) {
      return callback.apply(connection);
    }
  }

  @Override
  public PoolStatus poolStatus() {
    if (provider != null) {
      return closed ? new PoolStatus(0, 0, 0, 0) : provider.poolStatus();
    }
    HikariPoolMXBean mx = pool.getHikariPoolMXBean();
    if (mx == null || closed) {
      return new PoolStatus(0, 0, 0, 0);
    }
    return new PoolStatus(mx.getActiveConnections(), mx.getIdleConnections(), mx.getTotalConnections(),
        mx.getThreadsAwaitingConnection());
  }

  @Override
  public EngineStatistics statistics() {
    return new EngineStatistics(statements.sum(), failures.sum(), Duration.ofNanos(nanos.sum()));
  }

  @Override
  public void addListener(EngineListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(EngineListener listener) {
    listeners.remove(listener);
  }

  @Override
  public <T> T extension(Class<T> key, Supplier<T> factory) {
    return key.cast(extensions.computeIfAbsent(key, k -> factory.get()));
  }

  @Override
  public void schemaChanged() {
    for (Object extension : extensions.values()) {
      if (extension instanceof SchemaDependent dependent) {
        dependent.schemaChanged();
      }
    }
  }

  void beforeExecute(String sql, List<Parameter> parameters) {
    for (EngineListener listener : listeners) {
      listener.beforeExecute(sql, parameters);
    }
  }

  void afterExecute(ExecutionEvent event) {
    statements.increment();
    nanos.add(event.elapsed().toNanos());
    if (!event.succeeded()) {
      failures.increment();
    }
    log(event);
    for (EngineListener listener : listeners) {
      listener.afterExecute(event);
    }
  }

  /** Every listener hears of it, even after one throws: a cache that misses it would serve stale rows. */
  void changesCommitted(Set<String> tables) {
    if (listeners.isEmpty()) {
      return;
    }
    List<Runnable> calls = new ArrayList<>(listeners.size());
    for (EngineListener listener : listeners) {
      calls.add(() -> listener.changesCommitted(tables));
    }
    CommitActions.runAll(calls);
  }

  private void log(ExecutionEvent e) {
    if (echo ? !SQL_LOG.isInfoEnabled() : !SQL_LOG.isDebugEnabled()) {
      return;
    }
    StringBuilder sb = new StringBuilder(e.sql());
    if (!e.parameters().isEmpty()) {
      sb.append(" | ").append(ParameterFormat.format(e.parameters()));
    }
    if (e.batchSize() > 1) {
      sb.append(" (first of a batch of ").append(e.batchSize()).append(')');
    }
    sb.append(String.format(" | %.3f ms", e.elapsed().toNanos() / 1e6));
    if (e.failure() != null) {
      sb.append(" | failed: ").append(e.failure().getClass().getSimpleName());
    } else if (e.rowCount() >= 0) {
      sb.append(" | ").append(e.rowCount()).append(e.rowCount() == 1 ? " row" : " rows");
    }
    if (echo) {
      SQL_LOG.info(sb.toString());
    } else {
      SQL_LOG.debug(sb.toString());
    }
  }

  /** Interrupts {@code statement} after {@code timeout}, recording that it timed out. */
  ScheduledFuture<?> scheduleCancel(Statement statement, Duration timeout, AtomicBoolean timedOut) {
    ScheduledExecutorService executor = canceller;
    if (executor == null) {
      synchronized (this) {
        if (canceller == null) {
          ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, config.getPoolName() + "-timeout");
            t.setDaemon(true);
            return t;
          });
          e.setRemoveOnCancelPolicy(true);
          canceller = e;
        }
        executor = canceller;
      }
    }
    return executor.schedule(() -> {
      timedOut.set(true);
      try {
        statement.cancel();
      } catch (SQLException ignored) {
        // the statement finished meanwhile
      }
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    source.close();
    if (pool != null) {
      pool.close(); // a provider's pool belongs to its owner
    }
    closeQuietly(keepAlive);
    ScheduledExecutorService executor = canceller;
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the engine is closed");
    }
  }

  private static void closeQuietly(java.sql.Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing: nothing left to do with it
      }
    }
  }

  @Override
  public String toString() {
    return "Engine[" + vendor.displayName() + ", " + (displayUrl != null ? displayUrl : provider != null ? "ConnectionProvider" : "DataSource") + "]";
  }
}
