package dev.quarry.engine;

/** {@link Result#one()} found no row. */
public final class NoResultException extends QuarryException {
  private static final long serialVersionUID = 1L;

  NoResultException(String message) {
    super(message);
  }
}
