package dev.quarry.engine;

/** A foreign key constraint was violated: a referenced row is missing, or a referencing row still exists. */
public final class ForeignKeyViolationException extends IntegrityViolationException {
  private static final long serialVersionUID = 1L;

  ForeignKeyViolationException(String message, Throwable cause, FailureContext context, ConstraintInfo info) {
    super(message, cause, context, info);
  }
}
