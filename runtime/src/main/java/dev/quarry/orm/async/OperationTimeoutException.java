package dev.quarry.orm.async;

import dev.quarry.engine.QuarryException;
import java.time.Duration;

/**
 * An asynchronous operation's stage was not complete within its timeout. When the operation was
 * still queued it never ran; when it had started, the statement it runs is bounded by the database
 * statement timeout (which cancels it) and the session needs {@code rollback()} before further work,
 * as after a failed flush ({@link #started()}).
 */
public final class OperationTimeoutException extends QuarryException {
  private static final long serialVersionUID = 1L;

  private final boolean started;

  OperationTimeoutException(String operation, Duration timeout, boolean started) {
    super(operation + " did not complete within " + timeout + (started
        ? "; it had started on the database, whose statement timeout cancels it: roll the session back before using it again"
        : "; it was still queued and never ran"));
    this.started = started;
  }

  /** Whether the operation had started running when the timeout passed (false: it never ran). */
  public boolean started() {
    return started;
  }
}
