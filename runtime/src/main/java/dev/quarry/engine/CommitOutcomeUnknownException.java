package dev.quarry.engine;

/**
 * The connection was lost after COMMIT was sent and before the database acknowledged it: the
 * transaction may have committed or not, and nothing on this side can tell. Retry only with work
 * that is safe either way — a session's {@code merge} of the objects, which updates a row that
 * exists and inserts one that does not, or an upsert — never by running the same inserts again.
 */
public final class CommitOutcomeUnknownException extends ConnectionLostException {
  private static final long serialVersionUID = 1L;

  CommitOutcomeUnknownException(ConnectionLostException lost) {
    super("the connection was lost while committing, so whether the transaction committed is unknown: "
        + lost.getMessage(), lost.getCause(), new FailureContext(lost.sql(), lost.parameters(), lost.vendor(),
            lost.sqlState(), lost.vendorCode()));
  }
}
