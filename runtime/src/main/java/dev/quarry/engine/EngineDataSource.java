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

  EngineDataSource(String url, Properties properties, DataSource delegate, boolean sqliteForeignKeys,
      boolean readOnly, List<EngineListener> listeners) {
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

  @Override
  public java.sql.Connection getConnection() throws SQLException {
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
