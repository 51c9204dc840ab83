package dev.quarry.cache;

import dev.quarry.orm.cache.RegionStatistics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaffeineRegionTest extends RegionContractTest {

  /** The regions' clock, moved by the tests. */
  final AtomicLong nanos = new AtomicLong();

  @Override
  CacheRegions regions() {
    // Runnable::run: eviction and its listener run on the caller's thread, so counts are exact.
    return CacheRegions.caffeine(nanos::get, Runnable::run);
  }

  @Override
  boolean observesSize() {
    return true;
  }

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Test
  void valuesExpireTheirTtlAfterTheyWereWritten() {
    CacheRegion<String, String> region =
        regions().region("users", Duration.ofMinutes(5), 100).region("users");
    region.put("a", "1");
    advance(Duration.ofMinutes(4));
    assertEquals(Optional.of("1"), region.get("a"));
    region.put("b", "2");
    advance(Duration.ofMinutes(2));
    assertEquals(Optional.empty(), region.get("a"), "a was written 6 minutes ago");
    assertEquals(Optional.of("2"), region.get("b"), "b was written 2 minutes ago");

    RegionStatistics stats = region.statistics();
    assertEquals(1, stats.evictions(), "an expired value counts as evicted");
    assertEquals(1, stats.size());
  }

  @Test
  void createdValuesExpireAndAreCreatedAgain() {
    CacheRegion<String, String> region =
        regions().region("users", Duration.ofMinutes(5), 100).region("users");
    AtomicInteger calls = new AtomicInteger();
    region.getOrCreate("a", key -> "v" + calls.incrementAndGet());
    advance(Duration.ofMinutes(4));
    assertEquals("v1", region.getOrCreate("a", key -> "v" + calls.incrementAndGet()));
    advance(Duration.ofMinutes(2));
    assertEquals("v2", region.getOrCreate("a", key -> "v" + calls.incrementAndGet()));
    RegionStatistics stats = region.statistics();
    assertEquals(2, stats.misses());
    assertEquals(1, stats.hits());
    assertEquals(2, stats.puts());
  }

  @Test
  void theTtlOfACreatedValueStartsWhenItsComputationEnds() throws Exception {
    CacheRegion<String, String> region =
        regions().region("users", Duration.ofMinutes(5), 100).region("users");
    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.Future<String> result =
        threads.submit(
            () ->
                region.getOrCreate(
                    "k",
                    key -> {
                      entered.countDown();
                      await(release);
                      return "slow";
                    }));
    assertTrue(entered.await(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS));
    advance(Duration.ofMinutes(10)); // longer than the TTL, while the value is computed
    release.countDown();
    assertEquals("slow", result.get(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(Optional.of("slow"), region.get("k"));
    advance(Duration.ofMinutes(4));
    assertEquals(Optional.of("slow"), region.get("k"));
    advance(Duration.ofMinutes(2));
    assertEquals(Optional.empty(), region.get("k"));
  }

  @Test
  void theMaximumSizeEvictsAndEvictionsAreCounted() {
    CacheRegion<Integer, String> region =
        regions().region("small", Duration.ofHours(1), 10).region("small");
    for (int i = 0; i < 25; i++) {
      region.put(i, "v" + i);
    }
    RegionStatistics stats = region.statistics();
    assertEquals(10, stats.size());
    assertEquals(15, stats.evictions());
    assertEquals(25, stats.puts());
  }

  @Test
  void theDefaultRegistryRunsOnTheSystemClock() {
    CacheRegion<String, String> region =
        CacheRegions.caffeine().region("r", Duration.ofMinutes(1), 10).region("r");
    assertEquals("v", region.getOrCreate("k", key -> "v"));
    assertEquals(Optional.of("v"), region.get("k"));
    assertTrue(region.toString().contains("r"));
  }
}
