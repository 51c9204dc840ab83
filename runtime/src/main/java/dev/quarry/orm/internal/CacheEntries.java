package dev.quarry.orm.internal;

import java.util.List;

/**
 * The keys and values the second-level and query caches store: plain values (names, ids, column
 * values), never live objects, so a region may be shared by factories and, through a distributed
 * store, by JVMs. Every key starts with the database it describes ({@link SecondLevelCacheImpl}).
 */
final class CacheEntries {
  private CacheEntries() {}

  /** A cached value with the stamp of the transaction that read it. */
  interface Stamped {
    long stamp();
  }

  /** An entity's row: the hierarchy's identity type and the id. */
  record EntityKey(String database, String type, Object id) implements java.io.Serializable {}

  /** A collection of one owner: the owner's identity type, the relationship's name, the owner's id. */
  record CollectionKey(String database, String owner, String relation, Object ownerId) implements java.io.Serializable {}

  /** A query's result: its SQL and bound values. */
  record QueryKey(String database, String sql, List<Object> values) implements java.io.Serializable {}

  /**
   * A cached row: the row's concrete entity class (inheritance) and its column values as the
   * mapping's snapshot holds them (mutable values deep-copied), read by a transaction that began
   * at {@code stamp}.
   */
  record Row(Class<?> type, Object[] values, long stamp) implements Stamped, java.io.Serializable {}

  /** Ids (of a collection's elements, of a query's entities, in order) or a projection's rows, read at {@code stamp}. */
  record Ids(List<Object> ids, long stamp) implements Stamped, java.io.Serializable {}
}
