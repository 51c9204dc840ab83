package dev.quarry.orm.cache;

/**
 * A snapshot of a cache region's counters ({@link CacheStore#statistics()}).
 *
 * <p>{@code hits} and {@code misses} count lookups: {@link CacheStore#get}, and a region's own
 * {@code getOrCreate} (one that computes counts one miss, and one put when its creator returns; one
 * that waits for another caller's computation counts a hit). {@code puts} counts values stored by
 * {@link CacheStore#put} and by creators. {@code evictions}
 * counts values the cache removed by itself (maximum size or expiry), not invalidations. {@code
 * size} is the number of entries cached (on Caffeine, values still being computed included). A backend that cannot observe {@code evictions} or {@code
 * size} reports {@link #UNKNOWN} (JSR-107 exposes neither).
 *
 * @param name the region's name
 * @param hits lookups that found a value
 * @param misses lookups that found none
 * @param puts values stored
 * @param evictions values removed by the cache itself, or {@link #UNKNOWN}
 * @param size values cached now, or {@link #UNKNOWN}
 */
public record RegionStatistics(
    String name, long hits, long misses, long puts, long evictions, long size) {

  /** The value of a counter the backend cannot observe. */
  public static final long UNKNOWN = -1;

  /** Hits over lookups, or 0 before the first lookup. */
  public double hitRatio() {
    long lookups = hits + misses;
    return lookups == 0 ? 0 : (double) hits / lookups;
  }
}
