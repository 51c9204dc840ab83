package dev.quarry.micrometer;

import dev.quarry.orm.cache.RegionStatistics;
import dev.quarry.orm.cache.SecondLevelCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToLongFunction;

/**
 * The counters of a session factory's cache regions as meters, one set per region (tag
 * {@code region}), read from {@link SecondLevelCache#statistics()} whenever the registry polls.
 */
final class CacheMetrics {
  private CacheMetrics() {}

  static void bind(MeterRegistry registry, SecondLevelCache cache, Tags tags) {
    for (RegionStatistics region : cache.statistics()) {
      Tags regionTags = tags.and("region", region.name());
      counter(registry, cache, region.name(), QuarryMetrics.CACHE + ".hits", "Lookups that found a value",
          regionTags, RegionStatistics::hits);
      counter(registry, cache, region.name(), QuarryMetrics.CACHE + ".misses", "Lookups that found none",
          regionTags, RegionStatistics::misses);
      counter(registry, cache, region.name(), QuarryMetrics.CACHE + ".puts", "Values stored", regionTags,
          RegionStatistics::puts);
      counter(registry, cache, region.name(), QuarryMetrics.CACHE + ".evictions",
          "Values the cache removed by itself (size, expiry)", regionTags, RegionStatistics::evictions);
      Gauge.builder(QuarryMetrics.CACHE + ".size", cache, c -> value(c, region.name(), RegionStatistics::size))
          .description("Values cached now").tags(regionTags).register(registry);
    }
  }

  private static void counter(MeterRegistry registry, SecondLevelCache cache, String region, String meter,
      String description, Tags tags, ToLongFunction<RegionStatistics> value) {
    FunctionCounter.builder(meter, cache, c -> value(c, region, value)).description(description).tags(tags)
        .register(registry);
  }

  /** The counter now; NaN when the backend cannot observe it ({@link RegionStatistics#UNKNOWN}) or the region is gone. */
  private static double value(SecondLevelCache cache, String region, ToLongFunction<RegionStatistics> value) {
    for (RegionStatistics r : cache.statistics()) {
      if (r.name().equals(region)) {
        long v = value.applyAsLong(r);
        return v == RegionStatistics.UNKNOWN ? Double.NaN : v;
      }
    }
    return Double.NaN;
  }
}
