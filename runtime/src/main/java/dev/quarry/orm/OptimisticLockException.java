package dev.quarry.orm;

import dev.quarry.engine.QuarryException;

/**
 * An UPDATE or DELETE guarded by a {@code @Version} matched no row: someone else changed or
 * deleted the row since it was read. Reload the entity and apply the change again.
 */
public class OptimisticLockException extends QuarryException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final transient Object id;
  private final transient Object expectedVersion;

  public OptimisticLockException(String entity, String table, Object id, Object expectedVersion) {
    super(entity + " with id " + id + " (table " + table + ") was changed or deleted by someone else: no row has "
        + "version " + expectedVersion + " any more; reload it and apply the change again");
    this.entity = entity;
    this.id = id;
    this.expectedVersion = expectedVersion;
  }

  /** The entity name. */
  public String entity() {
    return entity;
  }

  /** The id of the stale entity. */
  public Object id() {
    return id;
  }

  /** The version the statement expected. */
  public Object expectedVersion() {
    return expectedVersion;
  }
}
