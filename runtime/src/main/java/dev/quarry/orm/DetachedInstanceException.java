package dev.quarry.orm;

/**
 * State of a detached object was needed from the database (expired attributes, lazy
 * relationships) but the object has no session to load it with.
 */
public final class DetachedInstanceException extends OrmException {
  private static final long serialVersionUID = 1L;

  public DetachedInstanceException(String entity, Object id, String what) {
    super(what + " of " + entity + " with id " + id + " needs the database, but the object is detached "
        + "(its session was closed or it was expunged). Load it in an open session or "
        + "session.merge(it) first; to keep values after commit use expireOnCommit(false).");
  }
}
