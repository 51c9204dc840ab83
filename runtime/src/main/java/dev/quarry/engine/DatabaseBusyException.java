package dev.quarry.engine;

import java.time.Duration;

/**
 * SQLite's {@code SQLITE_BUSY}: another connection held the database's lock for longer than the
 * busy timeout ({@code busy_timeout}, sqlite-jdbc's default 3 s). Retryable: roll back and run the
 * transaction again, as SQLite cannot upgrade a transaction's read lock while another writes.
 */
public final class DatabaseBusyException extends LockTimeoutException {
  private static final long serialVersionUID = 1L;

  private final Duration waited;
  private final Duration busyTimeout;

  DatabaseBusyException(String message, Throwable cause, FailureContext context, Duration waited,
      Duration busyTimeout) {
    super(message, cause, context);
    this.waited = waited;
    this.busyTimeout = busyTimeout;
  }

  /** How long the statement ran, waiting for the lock included, before it gave up. */
  public Duration waited() {
    return waited;
  }

  /** The connection's busy timeout ({@code PRAGMA busy_timeout}) when it gave up; null when it could not be read. */
  public Duration busyTimeout() {
    return busyTimeout;
  }

  /** Always true: roll back and run the transaction again once the other connection is done. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
