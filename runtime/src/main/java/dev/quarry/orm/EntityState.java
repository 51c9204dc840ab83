package dev.quarry.orm;

/**
 * The lifecycle state of an object relative to a session, as in SQLAlchemy:
 * transient → pending ({@code add}) → persistent (flush) → deleted ({@code delete} + flush) →
 * detached ({@code commit}, {@code expunge}, {@code close}).
 */
public enum EntityState {
  /** Not in any session and never persisted by this session: {@code new User()}. */
  TRANSIENT,
  /** Added to the session, not yet flushed: the next flush INSERTs it. */
  PENDING,
  /** In the identity map with a database row: changes are flushed as UPDATEs. */
  PERSISTENT,
  /** Its DELETE was flushed; it leaves the session when the transaction commits. */
  DELETED,
  /** Has (or had) a row but is no longer attached to a session. */
  DETACHED
}
