package dev.quarry.engine;

/** A row would duplicate the value of a unique constraint or primary key. */
public final class UniqueViolationException extends IntegrityViolationException {
  private static final long serialVersionUID = 1L;

  UniqueViolationException(String message, Throwable cause, FailureContext context, ConstraintInfo info) {
    super(message, cause, context, info);
  }
}
