package dev.quarry.engine;

/**
 * No connection became available from the pool within the pool timeout. Usually connections are
 * not closed (use try-with-resources), or the pool is too small for the load.
 */
public final class PoolTimeoutException extends QuarryException {
  private static final long serialVersionUID = 1L;

  private final transient PoolStatus status;

  PoolTimeoutException(String message, Throwable cause, PoolStatus status) {
    super(message, cause);
    this.status = status;
  }

  /** The pool's state when the wait gave up. */
  public PoolStatus poolStatus() {
    return status;
  }
}
