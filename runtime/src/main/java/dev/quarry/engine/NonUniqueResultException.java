package dev.quarry.engine;

/** {@link Result#one()} or {@link Result#oneOrNull()} found more than one row. */
public final class NonUniqueResultException extends QuarryException {
  private static final long serialVersionUID = 1L;

  /** An error saying which query found several rows. */
  public NonUniqueResultException(String message) {
    super(message);
  }
}
