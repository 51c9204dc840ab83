package dev.quarry.engine;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Options of an {@link Engine}, named after SQLAlchemy's {@code create_engine} and mapped onto
 * HikariCP:
 *
 * <ul>
 *   <li>{@link #poolSize} (default 5) and {@link #maxOverflow} (default 10). HikariCP has no
 *       overflow: the pool keeps {@code poolSize} connections open ({@code minimumIdle}) and may
 *       grow to {@code poolSize + maxOverflow} ({@code maximumPoolSize}); the surplus is closed
 *       after it has been idle for {@link #overflowIdleTimeout} (default and HikariCP minimum
 *       10 s; HikariCP checks every 30 s) instead of immediately on return as in SQLAlchemy.
 *   <li>{@link #poolTimeout} (default 30 s) → {@code connectionTimeout}: how long
 *       {@link Engine#connect()} waits before throwing {@link PoolTimeoutException}.
 *   <li>{@link #recycle} → {@code maxLifetime}: connections are replaced after this age (at least
 *       30 s; zero = never). Unlike SQLAlchemy (no recycling by default) the default is HikariCP's
 *       30 minutes, which protects against servers and firewalls dropping old connections.
 *   <li>{@link #prePing}. HikariCP always validates a connection it lends out when it has been
 *       idle for more than 500 ms ({@code Connection.isValid}, bounded by
 *       {@link #validationTimeout}) — SQLAlchemy's {@code pool_pre_ping=True} is therefore always on
 *       and cannot be turned off. {@code prePing(true)} additionally pings idle connections in the
 *       background every {@link #keepalive} (default 2 minutes, HikariCP {@code keepaliveTime}) so
 *       that dead ones are replaced before anyone borrows them; {@code false} (default) disables
 *       the background keepalive.
 *   <li>{@link #connectTimeout} (default: the pool timeout) bounds opening one connection — TCP
 *       connect, handshake, login — through the driver's own option (pgjdbc {@code connectTimeout}
 *       and {@code loginTimeout}, MariaDB and MySQL {@code connectTimeout}); a value the URL or a
 *       {@link #property} sets wins. {@link #build()} waits at most this long for its first
 *       connection, whatever the driver does.
 *   <li>{@link #socketTimeout} (default off) bounds every read from the database's socket
 *       ({@code Connection.setNetworkTimeout}); a statement running longer fails and its
 *       connection is closed, so it is off unless asked for. A statement with a timeout
 *       ({@link ExecutionOptions#timeout}) is bounded anyway.
 *   <li>{@link #leakDetectionThreshold} (default off) → {@code leakDetectionThreshold}: a
 *       connection held longer is logged (WARN, logger {@code com.zaxxer.hikari.pool.ProxyLeakTask})
 *       with the stack trace of the code that took it.
 *   <li>{@link #echo}: log SQL at INFO instead of DEBUG.
 *   <li>{@link #isolationLevel} and {@link #readOnly}: defaults for every connection.
 * </ul>
 *
 * <p>Embedded databases: an in-memory SQLite database ({@code jdbc:sqlite::memory:},
 * {@code jdbc:sqlite:}, {@code file::memory:} or {@code mode=memory}) exists per connection, so
 * the engine uses a single connection that is never retired, whatever the pool options say;
 * threads take turns on it. An H2 in-memory URL without {@code DB_CLOSE_DELAY} is kept alive by a
 * connection the engine holds until it is closed, and an unnamed one ({@code jdbc:h2:mem:})
 * becomes a uniquely named database, so that all pooled connections see the same database.
 */
public final class EngineBuilder {
  final String url;
  final DataSource dataSource;
  /** Non-null: connections come from a framework's pool, the engine pools nothing. */
  final ConnectionProvider provider;
  String username;
  String password;
  final Properties properties = new Properties();
  /** Code-running URL options the application allows by name (lower case). */
  final java.util.Set<String> allowedUrlOptions = new java.util.HashSet<>();
  int poolSize = 5;
  int maxOverflow = 10;
  Duration poolTimeout = Duration.ofSeconds(30);
  Duration overflowIdleTimeout = Duration.ofSeconds(10);
  Duration recycle = Duration.ofMinutes(30);
  boolean prePing;
  Duration keepalive = Duration.ofMinutes(2);
  Duration validationTimeout = Duration.ofSeconds(5);
  /** Null: the pool timeout. */
  Duration connectTimeout;
  Duration socketTimeout = Duration.ZERO;
  Duration leakDetectionThreshold = Duration.ZERO;
  boolean echo;
  IdentifierQuoting identifierQuoting = IdentifierQuoting.AS_NEEDED;
  IsolationLevel isolationLevel;
  boolean readOnly;
  boolean sqliteForeignKeys = true;
  String poolName;
  MetricsTrackerFactory metricsTrackerFactory;
  final List<EngineListener> listeners = new ArrayList<>();

  EngineBuilder(String url, DataSource dataSource) {
    if (url == null && dataSource == null) {
      throw new IllegalArgumentException("a JDBC URL or a DataSource is required");
    }
    this.url = url;
    this.dataSource = dataSource;
    this.provider = null;
  }

  EngineBuilder(ConnectionProvider provider) {
    this.url = null;
    this.dataSource = null;
    this.provider = provider;
  }

  /** User name for URL engines (or use the URL's own parameters). */
  public EngineBuilder username(String name) {
    this.username = name;
    return this;
  }

  /** Password for URL engines. */
  public EngineBuilder password(String secret) {
    this.password = secret;
    return this;
  }

  /** A driver connection property for URL engines. */
  public EngineBuilder property(String key, String value) {
    properties.setProperty(key, value);
    return this;
  }

  /**
   * Allows JDBC URL options (or driver properties) that let a URL run code or read local files,
   * which the engine otherwise refuses because URLs often come from configuration: H2's
   * {@code INIT}, pgjdbc's {@code socketFactory}, {@code sslfactory}, {@code sslhostnameverifier},
   * {@code authenticationPluginClassName}, {@code loggerFile}, MySQL's and MariaDB's socket
   * factories, interceptors and local-infile switches, SQLite's {@code enable_load_extension}.
   * Name each option the application sets on purpose.
   */
  public EngineBuilder allowUrlOption(String... names) {
    for (String name : names) {
      allowedUrlOptions.add(Objects.requireNonNull(name, "name").toLowerCase(java.util.Locale.ROOT));
    }
    return this;
  }

  /** Connections kept open (SQLAlchemy {@code pool_size}); default 5. */
  public EngineBuilder poolSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1, got " + size);
    }
    this.poolSize = size;
    return this;
  }

  /** Extra connections opened under load and closed when idle (SQLAlchemy {@code max_overflow}); default 10. */
  public EngineBuilder maxOverflow(int overflow) {
    if (overflow < 0) {
      throw new IllegalArgumentException("maxOverflow must be >= 0, got " + overflow);
    }
    this.maxOverflow = overflow;
    return this;
  }

  /** How long an overflow connection may stay idle before it is closed; at least 10 s. */
  public EngineBuilder overflowIdleTimeout(Duration timeout) {
    requireAtLeast("overflowIdleTimeout", timeout, Duration.ofSeconds(10));
    this.overflowIdleTimeout = timeout;
    return this;
  }

  /** How long to wait for a connection (SQLAlchemy {@code pool_timeout}); at least 250 ms, default 30 s. */
  public EngineBuilder poolTimeout(Duration timeout) {
    requireAtLeast("poolTimeout", timeout, Duration.ofMillis(250));
    this.poolTimeout = timeout;
    return this;
  }

  /** Maximum age of a connection (SQLAlchemy {@code pool_recycle}); at least 30 s, or zero for never. */
  public EngineBuilder recycle(Duration maxLifetime) {
    Objects.requireNonNull(maxLifetime, "maxLifetime");
    if (!maxLifetime.isZero()) {
      requireAtLeast("recycle", maxLifetime, Duration.ofSeconds(30));
    }
    this.recycle = maxLifetime;
    return this;
  }

  /** Ping idle connections in the background (see the class comment); validation on borrow is always on. */
  public EngineBuilder prePing(boolean enabled) {
    this.prePing = enabled;
    return this;
  }

  /** Interval of the background ping when {@link #prePing} is on; at least 30 s, default 2 minutes. */
  public EngineBuilder keepalive(Duration interval) {
    requireAtLeast("keepalive", interval, Duration.ofSeconds(30));
    this.keepalive = interval;
    return this;
  }

  /** Time limit of a connection validation; at least 250 ms, default 5 s. */
  public EngineBuilder validationTimeout(Duration timeout) {
    requireAtLeast("validationTimeout", timeout, Duration.ofMillis(250));
    this.validationTimeout = timeout;
    return this;
  }

  /**
   * How long opening one connection may take — TCP connect, handshake and login — passed to the
   * driver (see the class comment); at least 1 s, default the {@link #poolTimeout}.
   */
  public EngineBuilder connectTimeout(Duration timeout) {
    requireAtLeast("connectTimeout", timeout, Duration.ofSeconds(1));
    this.connectTimeout = timeout;
    return this;
  }

  /**
   * A bound on every wait for the database's answer on PostgreSQL, MariaDB and MySQL
   * ({@code Connection.setNetworkTimeout}); a statement that runs longer fails with
   * {@link ConnectionLostException} and its connection is discarded. Default zero: off, as it
   * would cut long legitimate statements; use {@link ExecutionOptions#timeout} per statement.
   */
  public EngineBuilder socketTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (!timeout.isZero()) {
      requireAtLeast("socketTimeout", timeout, Duration.ofSeconds(1));
    }
    this.socketTimeout = timeout;
    return this;
  }

  /**
   * Logs a connection borrowed for longer than {@code threshold}, with the stack trace of the code
   * that borrowed it (HikariCP's leak detection); at least 2 s, or zero (default) for off.
   */
  public EngineBuilder leakDetectionThreshold(Duration threshold) {
    Objects.requireNonNull(threshold, "threshold");
    if (!threshold.isZero()) {
      requireAtLeast("leakDetectionThreshold", threshold, Duration.ofSeconds(2));
    }
    this.leakDetectionThreshold = threshold;
    return this;
  }

  /** Log every statement at INFO (SQLAlchemy {@code echo=True}); otherwise at DEBUG. */
  public EngineBuilder echo(boolean enabled) {
    this.echo = enabled;
    return this;
  }

  /**
   * Which names the SQL Quarry writes quotes (default {@link IdentifierQuoting#AS_NEEDED}, as
   * SQLAlchemy); {@link IdentifierQuoting#EVERY_NAME} for H2 databases created by Quarry before it
   * stopped quoting plain lower-case names.
   */
  public EngineBuilder identifierQuoting(IdentifierQuoting quoting) {
    this.identifierQuoting = Objects.requireNonNull(quoting, "quoting");
    return this;
  }

  /** Default isolation level of every connection (SQLAlchemy {@code isolation_level}). */
  public EngineBuilder isolationLevel(IsolationLevel level) {
    this.isolationLevel = level;
    return this;
  }

  /** Make every connection read-only (SQLite: {@code PRAGMA query_only}; H2 does not enforce it). */
  public EngineBuilder readOnly(boolean enabled) {
    this.readOnly = enabled;
    return this;
  }

  /** Whether SQLite connections get {@code PRAGMA foreign_keys=ON} (default true). */
  public EngineBuilder sqliteForeignKeys(boolean enabled) {
    this.sqliteForeignKeys = enabled;
    return this;
  }

  /** The pool's name in logs and thread names; default {@code quarry-N}. */
  public EngineBuilder poolName(String name) {
    this.poolName = name;
    return this;
  }

  /**
   * Pool metrics: HikariCP reports its pool (connections lent, waiting, timeouts, usage) to the
   * tracker this factory creates, named by the {@link #poolName}. Set before the pool starts, as
   * HikariCP requires; {@code quarry-micrometer} passes HikariCP's Micrometer tracker here.
   */
  @SuppressWarnings("exports") // a HikariCP type: metrics trackers are HikariCP's own API, the runtime only passes it on
  public EngineBuilder metricsTrackerFactory(MetricsTrackerFactory factory) {
    this.metricsTrackerFactory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /** Registers an event listener from the start, so that it sees the first connections too. */
  public EngineBuilder listener(EngineListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Creates the engine: starts the pool, opens a first connection and confirms the vendor.
   *
   * @throws ConnectionLostException when the database cannot be reached
   */
  public Engine build() {
    return new DefaultEngine(this);
  }

  private static void requireAtLeast(String option, Duration value, Duration minimum) {
    Objects.requireNonNull(value, option);
    if (value.compareTo(minimum) < 0) {
      throw new IllegalArgumentException(option + " must be at least " + minimum + " (HikariCP's minimum), got " + value);
    }
  }
}
