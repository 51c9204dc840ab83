package dev.quarry.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.quarry.orm.cache.CacheStore;
import dev.quarry.orm.cache.CacheStores;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The application's registry of named cache regions, each with its own time to live and maximum
 * size, over one backend.
 *
 * <p>Give it to {@code SessionFactory.Builder.cache} and the ORM keeps {@code @Cached} entities,
 * collections and {@code cached(region)} query results in its regions.
 *
 * <p>There is no JVM-wide registry: the application creates one (or several) and keeps it, e.g.
 * next to its engine. Thread-safe.
 *
 * <pre>{@code
 * CacheRegions regions = CacheRegions.caffeine()
 *     .region("users", Duration.ofMinutes(5), 10_000)
 *     .region("countries", Duration.ofHours(12), 500);
 * CacheRegion<Long, User> users = regions.region("users");
 * User user = users.getOrCreate(42L, id -> loadUser(id));
 * }</pre>
 */
public final class CacheRegions implements CacheStores {

  /** Makes one backend's regions. */
  interface Backend {
    <K, V> CacheRegion<K, V> create(String name, Duration ttl, long maximumSize);
  }

  private final Backend backend;
  private final Map<String, CacheRegion<?, ?>> regions = new LinkedHashMap<>();

  CacheRegions(Backend backend) {
    this.backend = backend;
  }

  /** A registry of in-process Caffeine regions, on the system clock and the common pool. */
  public static CacheRegions caffeine() {
    return caffeine(Ticker.systemTicker(), ForkJoinPool.commonPool());
  }

  /**
   * A registry of Caffeine regions with the given clock and maintenance executor: a fake {@link
   * Ticker} makes expiry testable, {@code Runnable::run} makes eviction happen on the caller's
   * thread.
   */
  public static CacheRegions caffeine(Ticker ticker, Executor executor) {
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(executor, "executor");
    return new CacheRegions(
        new Backend() {
          @Override
          public <K, V> CacheRegion<K, V> create(String name, Duration ttl, long maximumSize) {
            return new CaffeineRegion<>(name, ttl, maximumSize, ticker, executor);
          }
        });
  }

  /**
   * Defines a region whose values expire {@code ttl} after they were written and which holds at
   * most {@code maximumSize} values (see the backend for how each is enforced); returns this
   * registry, to define the next.
   *
   * @throws IllegalArgumentException if a region of that name exists, {@code ttl} is not positive
   *     or {@code maximumSize} is not positive
   */
  public synchronized CacheRegions region(String name, Duration ttl, long maximumSize) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ttl, "ttl");
    if (name.isBlank()) {
      throw new IllegalArgumentException("cache region name is blank");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("cache region '" + name + "': ttl must be positive: " + ttl);
    }
    if (maximumSize <= 0) {
      throw new IllegalArgumentException(
          "cache region '" + name + "': maximumSize must be positive: " + maximumSize);
    }
    if (regions.containsKey(name)) {
      throw new IllegalArgumentException("cache region '" + name + "' is already defined");
    }
    regions.put(name, backend.create(name, ttl, maximumSize));
    return this;
  }

  /**
   * The region of that name. The key and value types are the caller's to get right (they are not
   * checked here): use the types the region's users agree on.
   *
   * @throws IllegalArgumentException if no region has that name; the message lists the regions
   */
  @SuppressWarnings("unchecked")
  public synchronized <K, V> CacheRegion<K, V> region(String name) {
    CacheRegion<?, ?> region = regions.get(name);
    if (region == null) {
      throw new IllegalArgumentException(
          "no cache region named '" + name + "'; the regions are " + regions.keySet());
    }
    return (CacheRegion<K, V>) region;
  }

  /** {@link #region(String)}, as the store a session factory keeps cached entities, collections and query results in. */
  @Override
  public <K, V> CacheStore<K, V> store(String name) {
    return region(name);
  }

  /** The regions' names, in definition order. */
  @Override
  public synchronized Set<String> names() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(regions.keySet()));
  }

  @Override
  public synchronized String toString() {
    return "CacheRegions" + regions.keySet();
  }
}
