package dev.quarry.orm;

/**
 * The session's transaction failed (usually during a flush) and was rolled back; the session
 * refuses work until {@link Session#rollback()} is called. The cause is the original failure.
 */
public final class PendingRollbackException extends OrmException {
  private static final long serialVersionUID = 1L;

  public PendingRollbackException(Throwable cause) {
    super("This session's transaction has been rolled back due to a previous error during flush ("
        + cause + "). Call session.rollback() before using the session again.", cause);
  }
}
