package dev.quarry.engine;

import java.sql.SQLException;
import java.time.Duration;

/**
 * The bound on a connection's socket reads while a statement with a timeout runs. The driver
 * cancels the statement at its timeout, but a cancel cannot reach a frozen server or network;
 * past the timeout and {@link #CANCEL_GRACE} the driver gives up the read and closes the
 * connection, which the engine then discards. Only a read is bounded: a server that is computing
 * an answer has been cancelled by then, so the read returns. One per connection, not thread-safe.
 */
final class SocketBound {
  /** How long after a statement's timeout the engine waits for the cancel before it cuts the connection. */
  static final Duration CANCEL_GRACE = Duration.ofSeconds(2);

  private final java.sql.Connection jdbc;
  private final Driver driver;
  /** The engine's socket timeout, in force between statements; 0 when off. */
  private final int socketTimeoutMillis;
  private boolean active;

  SocketBound(java.sql.Connection jdbc, Driver driver, int socketTimeoutMillis) {
    this.jdbc = jdbc;
    this.driver = driver;
    this.socketTimeoutMillis = socketTimeoutMillis;
  }

  /** Bounds the socket for a statement with {@code timeout}, unless the engine's socket timeout already is shorter. */
  void bound(Duration timeout) throws SQLException {
    if (!driver.hasNetworkTimeout() || active) {
      return;
    }
    long bound = Driver.wholeSeconds(timeout) * 1000 + CANCEL_GRACE.toMillis();
    if (socketTimeoutMillis == 0 || socketTimeoutMillis > bound) {
      jdbc.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, bound));
      active = true;
    }
  }

  /** Whether a statement's bound is in force. */
  boolean active() {
    return active;
  }

  /**
   * Puts the engine's socket timeout back (not on a {@code broken} connection); false when the
   * driver refused, and the connection must not be trusted with the statement's bound.
   */
  boolean restore(boolean broken) {
    if (!active) {
      return true;
    }
    active = false;
    if (broken) {
      return true;
    }
    try {
      jdbc.setNetworkTimeout(Runnable::run, socketTimeoutMillis);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
