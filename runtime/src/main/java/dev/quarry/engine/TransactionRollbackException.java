package dev.quarry.engine;

/** The database rolled the transaction back because of a conflict with another one; {@link #isRetryable() retryable}. */
public class TransactionRollbackException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  TransactionRollbackException(String message, Throwable cause, FailureContext context) {
    super(message, cause, context);
  }

  /** Always true: run the transaction again. */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
