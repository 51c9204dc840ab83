package dev.quarry.engine;

/** A statement ran longer than its timeout and was cancelled. */
public final class QueryTimeoutException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  QueryTimeoutException(String message, Throwable cause, FailureContext context) {
    super(message, cause, context);
  }
}
