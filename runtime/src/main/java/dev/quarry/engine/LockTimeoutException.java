package dev.quarry.engine;

/** A lock could not be acquired in time (PostgreSQL lock_timeout or NOWAIT, H2 LOCK_TIMEOUT, SQLite locked table; a busy SQLite database is the subclass {@link DatabaseBusyException}, MySQL innodb_lock_wait_timeout). */
public class LockTimeoutException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  LockTimeoutException(String message, Throwable cause, FailureContext context) {
    super(message, cause, context);
  }
}
