package dev.quarry.orm;

import dev.quarry.engine.QuarryException;

/** An UPDATE of an entity matched no row: it was never inserted or has been deleted. */
public class EntityNotFoundException extends QuarryException {
  private static final long serialVersionUID = 1L;

  public EntityNotFoundException(String entity, String table, Object id) {
    super("no " + entity + " with id " + id + " in table " + table + " to update; insert it first, or it was "
        + "deleted");
  }
}
