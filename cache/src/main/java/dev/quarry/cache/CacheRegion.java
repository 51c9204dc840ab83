package dev.quarry.cache;

import dev.quarry.orm.cache.CacheStore;
import java.util.Optional;
import java.util.function.Function;

/**
 * A named cache with a per-key creation lock: one computation per key, other callers wait for it.
 *
 * <p>Keys and values are never {@code null}. {@link #get} returns {@link Optional#empty()} for an
 * absent key rather than {@code null}, so "not cached" can't be mistaken for a cached value.
 *
 * <p>{@link #getOrCreate} is dogpile.cache's lock: when several threads ask for the same absent
 * key at once, exactly one runs {@code creator}; the others wait for its result (they count as
 * hits, or as misses if it failed). The wait is not bounded by the region: it lasts as long as the creator runs, so bound the
 * creator itself (a statement timeout, a client timeout). A creator that throws caches nothing:
 * every caller waiting on that computation gets the same exception, and the next call computes
 * again. Different keys compute in parallel.
 *
 * <p>As a {@link CacheStore} a region can hold a session factory's cached entities, collections
 * and query results ({@link CacheRegions} is the factory's {@code CacheStores}).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface CacheRegion<K, V> extends CacheStore<K, V> {
  /**
   * The cached value, or empty when the key is absent, expired, or its value is still being
   * computed (this never waits). Counts a hit or a miss.
   */
  Optional<V> get(K key);

  /**
   * The cached value, or the value {@code creator} computes and caches, computing it at most once
   * at a time per key (see the class description). {@code creator} must not return {@code null}
   * ({@link NullPointerException}, nothing cached) and must not use this region re-entrantly for
   * the same key.
   */
  V getOrCreate(K key, Function<? super K, ? extends V> creator);
}
