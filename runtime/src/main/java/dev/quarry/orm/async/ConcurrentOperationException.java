package dev.quarry.orm.async;

import dev.quarry.engine.QuarryException;

/**
 * An {@link AsyncSession} was asked to start an operation while the stage of its previous one was
 * still incomplete (SQLAlchemy's "concurrent operations are not permitted"). The session runs one
 * operation at a time and refuses, rather than queues, a second one: two branches of a stage graph
 * racing on one unit of work is a bug whose outcome depends on timing. Chain the calls
 * ({@code thenCompose}) or use one session per concurrent task.
 */
public final class ConcurrentOperationException extends QuarryException {
  private static final long serialVersionUID = 1L;

  ConcurrentOperationException(String operation, String inProgress) {
    super("Cannot start " + operation + " on this AsyncSession: " + inProgress + " is still in progress, and a session "
        + "runs one operation at a time (concurrent operations are not permitted). Chain the call after the "
        + "previous stage completes (thenCompose), or use one session per concurrent task.");
  }
}
