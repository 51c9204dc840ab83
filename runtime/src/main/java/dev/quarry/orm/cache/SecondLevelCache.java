package dev.quarry.orm.cache;

import java.util.List;

/**
 * A session factory's second-level and query caches ({@code SessionFactory.cache()}): explicit
 * eviction, for data changed where no session or engine of the factory saw it (another application,
 * a raw JDBC connection), and the regions' counters.
 */
public interface SecondLevelCache {
  /** Whether {@code type}'s row with {@code id} is cached now. */
  boolean contains(Class<?> type, Object id);

  /** Drops {@code type}'s cached row with {@code id}. */
  void evict(Class<?> type, Object id);

  /** Drops every cached row of {@code type}'s region (and its hierarchy's). */
  void evictAll(Class<?> type);

  /** Drops every cached collection {@code relation} of {@code ownerType} (the owners' element ids). */
  void evictCollections(Class<?> ownerType, String relation);

  /** Drops every cached query result in {@code region}. */
  void evictQueries(String region);

  /** Drops everything cached in every region of this factory's stores. */
  void evictAll();

  /** The counters of every region of this factory's stores, in the stores' order. */
  List<RegionStatistics> statistics();
}
