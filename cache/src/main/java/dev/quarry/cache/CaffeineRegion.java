package dev.quarry.cache;

import dev.quarry.orm.cache.RegionStatistics;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalListener;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A region over a Caffeine {@link AsyncCache} whose futures the callers complete themselves.
 *
 * <p>Why async rather than {@code Cache.get(key, mappingFunction)}: the synchronous cache does hold
 * one computation per key, but when that computation throws, the callers blocked behind it each run
 * their own creator in turn (ConcurrentHashMap's compute semantics), so a failing database would be
 * hit once per waiter. With the in-flight future stored in the cache, every waiter joins the same
 * future and gets the same exception; the failed future is removed before it completes, so the next
 * call computes again. Caffeine does not expire an incomplete future: a value's time to live
 * starts when its computation ends.
 */
final class CaffeineRegion<K, V> implements CacheRegion<K, V> {

  private final String name;
  private final AsyncCache<K, V> cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  CaffeineRegion(String name, Duration ttl, long maximumSize, Ticker ticker, Executor executor) {
    this.name = name;
    // The eviction listener runs as part of the eviction (not on the executor), so the count is
    // current as soon as the cache's maintenance has run; explicit invalidations don't reach it.
    RemovalListener<K, V> onEviction = (key, value, cause) -> evictions.increment();
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .maximumSize(maximumSize)
            .ticker(ticker)
            .executor(executor)
            .evictionListener(onEviction)
            .buildAsync();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<V> get(K key) {
    Objects.requireNonNull(key, "key");
    CompletableFuture<V> flight = cache.getIfPresent(key);
    if (flight != null && Flights.hasValue(flight)) {
      hits.increment();
      return Optional.of(flight.join());
    }
    misses.increment(); // absent, or still being computed: get never waits
    return Optional.empty();
  }

  @Override
  public V getOrCreate(K key, Function<? super K, ? extends V> creator) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(creator, "creator");
    CompletableFuture<V> flight = cache.getIfPresent(key);
    CompletableFuture<V> mine = null;
    if (flight == null) {
      mine = new CompletableFuture<>();
      flight = cache.asMap().putIfAbsent(key, mine);
    }
    if (flight != null) {
      return join(flight);
    }
    return create(key, mine, creator);
  }

  private V join(CompletableFuture<V> flight) {
    try {
      V value = Flights.await(flight);
      hits.increment();
      return value;
    } catch (RuntimeException | Error e) {
      misses.increment(); // waited, and the computation found no value
      throw e;
    }
  }

  private V create(K key, CompletableFuture<V> mine, Function<? super K, ? extends V> creator) {
    misses.increment();
    V value;
    try {
      value = Flights.requireCreated(creator.apply(key), key);
    } catch (Throwable t) {
      // Removed before completing, so a caller arriving after the failure computes anew while
      // the callers already waiting on this future get the exception.
      cache.asMap().remove(key, mine);
      mine.completeExceptionally(t);
      throw t;
    }
    puts.increment();
    mine.complete(value);
    return value;
  }

  @Override
  public void put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    cache.put(key, CompletableFuture.completedFuture(value));
    puts.increment();
  }

  @Override
  public void invalidate(K key) {
    cache.synchronous().invalidate(Objects.requireNonNull(key, "key"));
  }

  @Override
  public void invalidateAll() {
    cache.synchronous().invalidateAll();
  }

  @Override
  public RegionStatistics statistics() {
    // Runs pending maintenance (expiry, size eviction) so that evictions and size are current.
    cache.synchronous().cleanUp();
    return new RegionStatistics(
        name,
        hits.sum(),
        misses.sum(),
        puts.sum(),
        evictions.sum(),
        cache.synchronous().estimatedSize());
  }

  @Override
  public String toString() {
    return "CacheRegion[" + name + ", caffeine]";
  }
}
