package dev.quarry.engine;

/** A NULL was written to a NOT NULL column. */
public final class NotNullViolationException extends IntegrityViolationException {
  private static final long serialVersionUID = 1L;

  NotNullViolationException(String message, Throwable cause, FailureContext context, ConstraintInfo info) {
    super(message, cause, context, info);
  }
}
