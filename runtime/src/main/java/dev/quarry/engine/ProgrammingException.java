package dev.quarry.engine;

/** The statement is wrong: syntax error, unknown table, column or function, wrong types. */
public final class ProgrammingException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  ProgrammingException(String message, Throwable cause, FailureContext context) {
    super(message, cause, context);
  }
}
