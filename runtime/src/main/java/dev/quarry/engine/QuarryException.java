package dev.quarry.engine;

/** Base of every error Quarry raises; unchecked, like all Quarry errors. */
public class QuarryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QuarryException(String message) {
    super(message);
  }

  public QuarryException(String message, Throwable cause) {
    super(message, cause);
  }
}
