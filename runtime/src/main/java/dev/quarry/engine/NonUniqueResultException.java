package dev.quarry.engine;

/** {@link Result#one()} or {@link Result#oneOrNull()} found more than one row. */
public final class NonUniqueResultException extends QuarryException {
  private static final long serialVersionUID = 1L;

  NonUniqueResultException(String message) {
    super(message);
  }
}
