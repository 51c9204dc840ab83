package dev.quarry.junit;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The fixture behind "every test rolled back" (SQLAlchemy's join-an-external-transaction recipe):
 * one physical connection holds an outer transaction for the whole test; the engine's pool gets
 * views of it whose transactions are savepoints inside that outer one. A view's {@code commit()}
 * releases its savepoint (the work stays in the outer transaction), {@code rollback()} rolls back
 * to it, and {@code close()} does not close the physical connection. {@link #rollbackTest()} then
 * undoes everything the test did, committed or not.
 */
final class RollbackConnections implements DataSource {
  private final Connection physical;

  RollbackConnections(Connection physical) throws SQLException {
    this.physical = physical;
    physical.setAutoCommit(false);
  }

  /** Makes the schema (or other set-up) permanent for the test class. */
  void commitSetUp() throws SQLException {
    physical.commit();
  }

  /** Undoes everything since the last {@link #commitSetUp()}. */
  void rollbackTest() throws SQLException {
    physical.rollback();
  }

  void closePhysical() throws SQLException {
    physical.close();
  }

  @Override
  public Connection getConnection() {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        new View());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the test database takes no credentials");
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

  /** One pooled view: its own autocommit flag, its transaction a savepoint of the outer one. */
  private final class View implements InvocationHandler {
    private boolean autoCommit = true;
    private boolean closed;
    private boolean readOnly;
    private int isolation = Connection.TRANSACTION_NONE;
    private Savepoint transaction;

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "setAutoCommit":
          setAutoCommit((Boolean) args[0]);
          return null;
        case "getAutoCommit":
          return autoCommit;
        case "commit":
          if (transaction != null) {
            physical.releaseSavepoint(transaction);
            transaction = physical.setSavepoint();
          }
          return null;
        case "rollback":
          if (args == null || args.length == 0) {
            if (transaction != null) {
              physical.rollback(transaction);
            }
            return null;
          }
          break;
        case "close":
          if (!closed) {
            if (transaction != null) {
              physical.rollback(transaction); // closing with an open transaction discards it
            }
            setAutoCommit(true);
            closed = true;
          }
          return null;
        case "isClosed":
          return closed || physical.isClosed();
        // Isolation and read-only cannot change inside the outer transaction (PostgreSQL refuses).
        case "setReadOnly":
          readOnly = (Boolean) args[0];
          return null;
        case "isReadOnly":
          return readOnly;
        case "setTransactionIsolation":
          isolation = (Integer) args[0];
          return null;
        case "getTransactionIsolation":
          return isolation == Connection.TRANSACTION_NONE ? physical.getTransactionIsolation() : isolation;
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "test view of " + physical;
        default:
          break;
      }
      try {
        return method.invoke(physical, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private void setAutoCommit(boolean on) throws SQLException {
      if (on == autoCommit) {
        return;
      }
      if (on) {
        // JDBC: switching autocommit on commits the open transaction.
        physical.releaseSavepoint(transaction);
        transaction = null;
      } else {
        transaction = physical.setSavepoint();
      }
      autoCommit = on;
    }
  }
}
