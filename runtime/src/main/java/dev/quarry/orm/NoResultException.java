package dev.quarry.orm;

/** {@code one()} found no row. */
public final class NoResultException extends OrmException {
  private static final long serialVersionUID = 1L;

  NoResultException(String what) {
    super("expected exactly one row for " + what + " but found none; use oneOrNull() or first() when "
        + "no row is a normal outcome");
  }
}
