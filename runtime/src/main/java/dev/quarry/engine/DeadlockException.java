package dev.quarry.engine;

/** The database detected a deadlock and chose this transaction as the victim; retryable. */
public final class DeadlockException extends TransactionRollbackException {
  private static final long serialVersionUID = 1L;

  DeadlockException(String message, Throwable cause, FailureContext context) {
    super(message, cause, context);
  }
}
