package dev.quarry.orm;

/**
 * An UPDATE or DELETE guarded by a version column (or by the primary key alone) matched no row:
 * another transaction changed or deleted the row since it was loaded (SQLAlchemy's
 * {@code StaleDataError}). Raised by the session's flush and merge and by generated DAOs alike.
 */
public final class StaleDataException extends OrmException {
  private static final long serialVersionUID = 1L;
  private final String entity;
  private final String table;
  private final transient Object id;
  private final transient Object expectedVersion;

  public StaleDataException(String entity, String table, Object id, String operation, Object expectedVersion) {
    super(operation + " of " + entity + " with id " + id + (table != null ? " (table " + table + ")" : "")
        + " matched no row" + (expectedVersion != null ? " at version " + expectedVersion : "")
        + ": it was changed or deleted by another transaction since it was loaded. "
        + "Roll back, reload it and apply the change again.");
    this.entity = entity;
    this.table = table;
    this.id = id;
    this.expectedVersion = expectedVersion;
  }

  /** The entity name. */
  public String entity() {
    return entity;
  }

  /** The table the statement ran on, or null when not known. */
  public String table() {
    return table;
  }

  /** The id of the stale object. */
  public Object id() {
    return id;
  }

  /** The version the statement expected, or null for entities without a version column. */
  public Object expectedVersion() {
    return expectedVersion;
  }
}
