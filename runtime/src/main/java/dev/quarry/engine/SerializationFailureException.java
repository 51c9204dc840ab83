package dev.quarry.engine;

/** The transaction could not be serialized with a concurrent one (SQLState 40001, SQLite BUSY_SNAPSHOT); retryable. */
public final class SerializationFailureException extends TransactionRollbackException {
  private static final long serialVersionUID = 1L;

  SerializationFailureException(String message, Throwable cause, FailureContext context) {
    super(message, cause, context);
  }
}
