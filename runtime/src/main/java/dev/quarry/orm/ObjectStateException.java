package dev.quarry.orm;

/** An operation does not fit the object's state, e.g. deleting a transient object. */
public final class ObjectStateException extends OrmException {
  private static final long serialVersionUID = 1L;

  public ObjectStateException(String message) {
    super(message);
  }
}
