package dev.quarry.engine;

/** A value was longer than its column allows. */
public final class ValueTooLongException extends DataException {
  private static final long serialVersionUID = 1L;

  ValueTooLongException(String message, Throwable cause, FailureContext context) {
    super(message, cause, context);
  }
}
