package dev.quarry.orm;

/**
 * A relationship whose strategy is RAISE (from the annotation or {@link Load#raise}) or DYNAMIC was
 * accessed before anything loaded it; the message names the entity, the relationship and the fix.
 */
public final class RaiseLoadException extends OrmException {
  private static final long serialVersionUID = 1L;

  public RaiseLoadException(String entity, Object id, String relationship, String strategy, String fix) {
    super(entity + "." + relationship + " (" + entity + " with id " + id + ") is not loaded and its loading "
        + "strategy is " + strategy + ", so it is never loaded on access. " + fix);
  }
}
