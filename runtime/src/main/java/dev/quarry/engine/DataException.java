package dev.quarry.engine;

/** A value was invalid for its column or operation (bad conversion, out of range, division by zero, value too long). */
public class DataException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  DataException(String message, Throwable cause, FailureContext context) {
    super(message, cause, context);
  }
}
