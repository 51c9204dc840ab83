package dev.quarry.orm.cache;

import java.util.Optional;

/**
 * One named cache region as the ORM uses it: values by key, invalidation, counters. Quarry's
 * {@code quarry-cache} module implements it on Caffeine and on JCache (JSR-107); any other store
 * (a distributed cache) can implement it too. Implementations must be thread-safe; keys and values
 * are never {@code null}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface CacheStore<K, V> {
  /** The region's name. */
  String name();

  /** The cached value, or empty when the key is absent or expired; never waits. Counts a hit or a miss. */
  Optional<V> get(K key);

  /** Caches {@code value} for {@code key}, replacing any value; counts a put. */
  void put(K key, V value);

  /** Removes {@code key}'s value, if any. */
  void invalidate(K key);

  /** Removes every value of this region. */
  void invalidateAll();

  /** The region's counters since it was created. */
  RegionStatistics statistics();
}
