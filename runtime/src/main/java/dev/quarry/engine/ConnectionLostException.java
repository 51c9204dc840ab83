package dev.quarry.engine;

/**
 * The connection to the database could not be made or was lost; the pool discards it. A
 * transaction in progress is gone; when the connection was lost while committing, the error is a
 * {@link CommitOutcomeUnknownException}.
 */
public class ConnectionLostException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  ConnectionLostException(String message, Throwable cause, FailureContext context) {
    super(message, cause, context);
  }
}
