package dev.quarry.orm;

/**
 * How a bulk UPDATE or DELETE keeps the objects already in the session consistent (SQLAlchemy's
 * {@code synchronize_session}).
 */
public enum Synchronize {
  /**
   * Find the affected objects in the identity map by evaluating the equality conditions given to
   * {@code filterBy} in memory, no extra statement; UPDATE values are applied to them and DELETEd
   * objects leave the session. Only {@code filterBy}/{@code set} with values can be evaluated;
   * other conditions are rejected with a hint to use FETCH.
   */
  EVALUATE,
  /**
   * SELECT the ids of the affected rows first (same condition), then run the statement; the
   * matching objects in the session are expired (UPDATE) or removed (DELETE).
   */
  FETCH,
  /** Do nothing: objects in the session may hold stale values until refreshed. */
  NONE
}
