package dev.quarry.engine;

/** A row failed a CHECK constraint. */
public final class CheckViolationException extends IntegrityViolationException {
  private static final long serialVersionUID = 1L;

  CheckViolationException(String message, Throwable cause, FailureContext context, ConstraintInfo info) {
    super(message, cause, context, info);
  }
}
