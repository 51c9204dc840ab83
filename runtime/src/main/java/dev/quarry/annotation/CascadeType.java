package dev.quarry.annotation;

/** Session operations that propagate from a parent to the objects of a relationship. */
public enum CascadeType {
  /** {@code add} of the parent adds related objects (SQLAlchemy's {@code save-update}). */
  SAVE_UPDATE,
  /** {@code merge} of the parent merges related objects. */
  MERGE,
  /** {@code delete} of the parent deletes related objects. */
  DELETE,
  /** Objects removed from the collection are deleted. */
  DELETE_ORPHAN,
  /** {@code refresh}/{@code expire} of the parent applies to related objects. */
  REFRESH,
  /** {@code expunge} of the parent expunges related objects. */
  EXPUNGE,
  /** All of the above. */
  ALL
}
