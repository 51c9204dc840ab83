package dev.quarry.engine;

import dev.quarry.types.Vendor;
import java.io.PrintWriter;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source HikariCP opens physical connections from. It wraps the user's data source (or
 * the driver, for a URL) so that every new physical connection gets Quarry's set-up and the
 * {@link EngineListener#onConnect} events; the first connection also tells which vendor it is.
 *
 * <p>Once the engine has started, a connection that fails because the database cannot be reached
 * is tried again here rather than reported to HikariCP, whose connection creator backs off up to
 * 5 s between attempts: a borrower waiting in {@code connect()} would miss a database that comes
 * back within its timeout. While anyone waits the retries come every {@value #RETRY_MILLIS} ms;
 * while nobody does they back off to {@value #MAX_BACKOFF_MILLIS} ms, until someone waits again.
 */
final class EngineDataSource implements DataSource {
  private final String url;
  private final Properties properties;
  private final DataSource delegate;
  private final Vendor urlVendor;
  private final boolean sqliteForeignKeys;
  private final boolean readOnly;
  private final List<EngineListener> listeners;
  private volatile Vendor vendor;
  private volatile int loginTimeoutSeconds = 5;
  private final int socketTimeoutMillis;
  /** Threads waiting for a connection; null until the engine started (the first connection is tried once). */
  private volatile java.util.function.IntSupplier waiters;
  private volatile boolean closed;
  /** Why the last attempt to open a connection failed, while the database cannot be reached; null once one opens. */
  private volatile SQLException unreachable;

  static final long RETRY_MILLIS = 100;
  static final long MAX_BACKOFF_MILLIS = 5000;

  EngineDataSource(String url, Properties properties, DataSource delegate, boolean sqliteForeignKeys,
      boolean readOnly, List<EngineListener> listeners, int socketTimeoutMillis) {
    this.socketTimeoutMillis = socketTimeoutMillis;
    this.url = url;
    this.properties = properties;
    this.delegate = delegate;
    this.urlVendor = Vendor.fromJdbcUrl(url);
    this.sqliteForeignKeys = sqliteForeignKeys;
    this.readOnly = readOnly;
    this.listeners = listeners;
  }

  /** The vendor, known once the first connection was opened (until then, the URL's guess). */
  Vendor vendor() {
    Vendor v = vendor;
    return v != null ? v : urlVendor;
  }

  /** A physical connection without Quarry's set-up (the H2 keep-alive connection). */
  java.sql.Connection openRaw() throws SQLException {
    return delegate != null ? delegate.getConnection() : DriverManager.getConnection(url, properties);
  }

  /** From now on connection failures are retried while the engine is open; {@code waiting} counts borrowers waiting. */
  void started(java.util.function.IntSupplier waiting) {
    this.waiters = waiting;
  }

  /** Stops retrying: the engine is closing. */
  void close() {
    closed = true;
  }

  /** Why the database cannot be reached right now, or null when the last attempt succeeded. */
  SQLException unreachable() {
    return unreachable;
  }

  @Override
  public java.sql.Connection getConnection() throws SQLException {
    long backoff = RETRY_MILLIS;
    while (true) {
      try {
        java.sql.Connection connection = open();
        unreachable = null;
        return connection;
      } catch (SQLException e) {
        if (!retryable(e)) {
          throw e;
        }
        unreachable = e;
        if (!awaitRetry(backoff)) {
          throw e;
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      }
    }
  }

  private boolean retryable(SQLException e) {
    return waiters != null && !closed
        && ExceptionTranslator.classify(vendor(), e.getSQLState(), e.getErrorCode(), String.valueOf(e.getMessage()), e)
            == ExceptionTranslator.Kind.CONNECTION;
  }

  /**
   * Waits before the next attempt: {@link #RETRY_MILLIS} while a borrower waits, else up to
   * {@code backoff}, cut short when one starts waiting. False when the engine closes meanwhile.
   */
  private boolean awaitRetry(long backoff) {
    long start = System.nanoTime();
    long wait = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(waiters.getAsInt() > 0 ? RETRY_MILLIS : backoff);
    long minimum = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS);
    while (System.nanoTime() - start < wait) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (closed) {
        return false;
      }
      if (System.nanoTime() - start >= minimum && waiters.getAsInt() > 0) {
        break;
      }
    }
    return !closed;
  }

  private java.sql.Connection open() throws SQLException {
    java.sql.Connection connection = openRaw();
    try {
      initialize(connection);
      return connection;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void initialize(java.sql.Connection connection) throws SQLException {
    Vendor v = vendor;
    if (v == null) {
      v = Vendor.fromProductName(connection.getMetaData().getDatabaseProductName());
      if (v == Vendor.OTHER) {
        v = urlVendor;
      }
      vendor = v;
    }
    Driver driver = Driver.of(v);
    if (socketTimeoutMillis > 0 && driver.hasNetworkTimeout()) {
      // HikariCP reads this back as the connection's network timeout and restores it on return
      connection.setNetworkTimeout(Runnable::run, socketTimeoutMillis);
    }
    setUp(connection, v);
  }

  /** Quarry's and the listeners' session set-up: on a new connection, and again after a session reset. */
  void setUp(java.sql.Connection connection, Vendor v) throws SQLException {
    Driver.of(v).initialize(connection, sqliteForeignKeys, readOnly);
    for (EngineListener listener : listeners) {
      listener.onConnect(connection, v);
    }
  }

  @Override
  public java.sql.Connection getConnection(String user, String pass) throws SQLException {
    throw new SQLFeatureNotSupportedException("Quarry passes credentials through the engine builder");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {
    // HikariCP passes its connection timeout here, and waits this long for connections being opened
    // when the pool shuts down. DriverManager's login timeout is JVM-wide, so it is not touched.
    loginTimeoutSeconds = seconds;
    if (delegate != null) {
      try {
        delegate.setLoginTimeout(seconds);
      } catch (SQLException | UnsupportedOperationException ignored) {
        // optional for data sources
      }
    }
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper of " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
