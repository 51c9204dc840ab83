package dev.quarry.orm;

/** {@code one()} or {@code oneOrNull()} found more than one row. */
public final class NonUniqueResultException extends OrmException {
  private static final long serialVersionUID = 1L;

  NonUniqueResultException(String what) {
    super("expected at most one row for " + what + " but found several; add a condition or use first()");
  }
}
