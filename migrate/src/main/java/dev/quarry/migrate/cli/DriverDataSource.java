package dev.quarry.migrate.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections from the JDBC driver that accepts the URL, found with {@link ServiceLoader} on the class
 * loader of the application's classes. {@code DriverManager} would not do: it hands out only drivers
 * visible to its caller's class loader, and the Maven plugin's is not the project's.
 */
final class DriverDataSource implements DataSource {
  private final Driver driver;
  private final String url;
  private final Properties properties = new Properties();

  DriverDataSource(ClassLoader loader, String url, String user, String password) {
    this.url = url;
    this.driver = find(loader, url);
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
  }

  private static Driver find(ClassLoader loader, String url) {
    for (Driver d : ServiceLoader.load(Driver.class, loader)) {
      try {
        if (d.acceptsURL(url)) {
          return d;
        }
      } catch (SQLException ex) {
        // a driver that cannot tell is not the one
      }
    }
    throw new ConfigException("no JDBC driver on the class path accepts " + redact(url)
        + "; add the database's driver (e.g. org.postgresql:postgresql) to the class path");
  }

  /** The URL without a password in its query, for messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = driver.connect(url, properties);
    if (c == null) {
      throw new SQLException("the driver " + driver.getClass().getName() + " did not connect to " + redact(url));
    }
    return c;
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", username);
    p.setProperty("password", password);
    return driver.connect(url, p);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
