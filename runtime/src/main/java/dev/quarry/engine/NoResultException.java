package dev.quarry.engine;

/** {@link Result#one()} found no row. */
public final class NoResultException extends QuarryException {
  private static final long serialVersionUID = 1L;

  /** An error saying which query found no row. */
  public NoResultException(String message) {
    super(message);
  }
}
