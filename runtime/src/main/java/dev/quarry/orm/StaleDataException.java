package dev.quarry.orm;

/**
 * An UPDATE or DELETE guarded by a version column (or by the primary key alone) matched no row:
 * another transaction changed or deleted the row since it was loaded.
 */
public final class StaleDataException extends OrmException {
  private static final long serialVersionUID = 1L;
  private final String entity;
  private final transient Object id;

  StaleDataException(String entity, Object id, String operation, Object expectedVersion) {
    super(operation + " of " + entity + " with id " + id + " matched no row"
        + (expectedVersion != null ? " at version " + expectedVersion : "")
        + ": it was changed or deleted by another transaction since it was loaded. "
        + "Roll back, reload it and apply the change again.");
    this.entity = entity;
    this.id = id;
  }

  /** The entity name. */
  public String entity() {
    return entity;
  }

  /** The id of the stale object. */
  public Object id() {
    return id;
  }
}
