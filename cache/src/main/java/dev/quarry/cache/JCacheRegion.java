package dev.quarry.cache;

import dev.quarry.orm.cache.RegionStatistics;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import javax.cache.Cache;

/**
 * A region over a JSR-107 {@link Cache}, with the creation lock held by the adapter.
 *
 * <p>JCache has no compute-if-absent that blocks other callers, so the adapter keeps the futures of
 * the computations in progress, keyed by key, and removes each when it finishes. That lock holds
 * within this JVM only: other JVMs sharing a distributed cache compute their own values.
 * Invalidating or putting a key while its value is being computed drops the computation's slot, so
 * the computed value is returned to its callers but not left in the cache, as on Caffeine.
 */
final class JCacheRegion<K, V> implements CacheRegion<K, V> {

  private final String name;
  private final Cache<K, V> cache;
  private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();

  JCacheRegion(String name, Cache<K, V> cache) {
    this.name = name;
    this.cache = cache;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<V> get(K key) {
    V value = cache.get(Objects.requireNonNull(key, "key"));
    (value == null ? misses : hits).increment();
    return Optional.ofNullable(value);
  }

  @Override
  public V getOrCreate(K key, Function<? super K, ? extends V> creator) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(creator, "creator");
    V cached = cache.get(key);
    if (cached != null) {
      hits.increment();
      return cached;
    }
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> flight = inFlight.putIfAbsent(key, mine);
    if (flight != null) {
      try {
        V value = Flights.await(flight);
        hits.increment();
        return value;
      } catch (RuntimeException | Error e) {
        misses.increment();
        throw e;
      }
    }
    try {
      // Another flight may have stored the value between the lookup above and taking the slot.
      V value = cache.get(key);
      if (value != null) {
        hits.increment();
      } else {
        misses.increment();
        value = Flights.requireCreated(creator.apply(key), key);
        // If-absent: a value put while this one was computed is newer and wins.
        boolean stored = cache.putIfAbsent(key, value);
        if (stored) {
          puts.increment();
        }
        // Our slot is gone only if invalidate, invalidateAll or put ran meanwhile: the value was
        // computed from data older than that, so it must not stay (conditional: only ours goes).
        if (stored && !inFlight.remove(key, mine)) {
          cache.remove(key, value);
        }
      }
      // Removed before completing: a caller arriving now finds the value in the cache.
      inFlight.remove(key, mine);
      mine.complete(value);
      return value;
    } catch (Throwable t) {
      inFlight.remove(key, mine);
      mine.completeExceptionally(t);
      throw t;
    }
  }

  @Override
  public void put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    // A computation in progress must not overwrite this newer value (see getOrCreate).
    inFlight.remove(key);
    cache.put(key, value);
    puts.increment();
  }

  @Override
  public void invalidate(K key) {
    Objects.requireNonNull(key, "key");
    // Dropping the slot first tells a computation in progress not to keep its (older) value.
    inFlight.remove(key);
    cache.remove(key);
  }

  @Override
  public void invalidateAll() {
    inFlight.clear();
    cache.removeAll();
  }

  @Override
  public RegionStatistics statistics() {
    // JSR-107 reports neither evictions nor a size (only through the provider's MXBeans).
    return new RegionStatistics(
        name,
        hits.sum(),
        misses.sum(),
        puts.sum(),
        RegionStatistics.UNKNOWN,
        RegionStatistics.UNKNOWN);
  }

  @Override
  public String toString() {
    return "CacheRegion[" + name + ", jcache " + cache.getName() + "]";
  }
}
