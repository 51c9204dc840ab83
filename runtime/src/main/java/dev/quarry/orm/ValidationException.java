package dev.quarry.orm;

import dev.quarry.orm.internal.Values;

/** A validator declared for a property rejected its value before an INSERT or UPDATE. */
public final class ValidationException extends OrmException {
  private static final long serialVersionUID = 1L;
  private final String entity;
  private final String property;

  public ValidationException(String entity, String property, Object value, String reason) {
    super("invalid value for " + entity + "." + property + ": " + Values.describe(property, value)
        + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"));
    this.entity = entity;
    this.property = property;
  }

  /** The entity name. */
  public String entity() {
    return entity;
  }

  /** The property whose value was rejected. */
  public String property() {
    return property;
  }
}
