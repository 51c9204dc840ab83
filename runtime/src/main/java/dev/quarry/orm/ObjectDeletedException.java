package dev.quarry.orm;

/** Refreshing an object found that its row no longer exists. */
public final class ObjectDeletedException extends OrmException {
  private static final long serialVersionUID = 1L;

  public ObjectDeletedException(String entity, Object id) {
    super(entity + " with id " + id + " no longer exists in the database (deleted by another transaction?); "
        + "expunge it or roll back.");
  }
}
