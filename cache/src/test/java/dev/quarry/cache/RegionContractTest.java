package dev.quarry.cache;

import dev.quarry.orm.cache.RegionStatistics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every backend's regions guarantee; a subclass per backend supplies the registry. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class RegionContractTest {

  static final long WAIT_SECONDS = 10;
  static final int CALLERS = 8;

  ExecutorService threads;

  /** A registry of this backend, fresh for each test. */
  abstract CacheRegions regions();

  /** Whether the backend reports evictions and size. */
  abstract boolean observesSize();

  @BeforeEach
  void startThreads() {
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertTrue(threads.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "test threads did not stop");
  }

  CacheRegion<String, String> region() {
    return regions().region("r", Duration.ofMinutes(5), 1_000).region("r");
  }

  @Test
  void concurrentCallersOfOneKeyComputeOnce() throws Exception {
    CacheRegion<String, String> region = region();
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> callers = new ArrayList<>();
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      results.add(
          threads.submit(
              () -> {
                synchronized (callers) {
                  callers.add(Thread.currentThread());
                }
                return region.getOrCreate(
                    "k",
                    key -> {
                      calls.incrementAndGet();
                      entered.countDown();
                      await(release);
                      return "value of " + key;
                    });
              }));
    }
    assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "no caller ran the creator");
    awaitAllParked(callers);
    assertEquals(1, calls.get(), "callers computed while the first computation ran");
    release.countDown();
    for (Future<String> result : results) {
      assertEquals("value of k", result.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }
    assertEquals(1, calls.get());
    RegionStatistics stats = region.statistics();
    assertEquals(1, stats.misses());
    assertEquals(CALLERS - 1, stats.hits());
    assertEquals(1, stats.puts());
  }

  @Test
  void differentKeysComputeInParallel() throws Exception {
    CacheRegion<String, String> region = region();
    CountDownLatch bothRunning = new CountDownLatch(2);
    List<Future<String>> results = new ArrayList<>();
    for (String key : List.of("a", "b")) {
      results.add(
          threads.submit(
              () ->
                  region.getOrCreate(
                      key,
                      k -> {
                        bothRunning.countDown();
                        // Reached only if the other key's creator runs at the same time.
                        if (!awaitQuietly(bothRunning)) {
                          throw new AssertionError("creators of different keys were serialised");
                        }
                        return k.toUpperCase();
                      })));
    }
    assertEquals("A", results.get(0).get(WAIT_SECONDS * 2, TimeUnit.SECONDS));
    assertEquals("B", results.get(1).get(WAIT_SECONDS * 2, TimeUnit.SECONDS));
  }

  @Test
  void aThrowingCreatorFailsEveryWaiterAndDoesNotPoisonTheKey() throws Exception {
    CacheRegion<String, String> region = region();
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    IllegalStateException boom = new IllegalStateException("database down");
    List<Thread> callers = new ArrayList<>();
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      results.add(
          threads.submit(
              () -> {
                synchronized (callers) {
                  callers.add(Thread.currentThread());
                }
                return region.getOrCreate(
                    "k",
                    key -> {
                      calls.incrementAndGet();
                      entered.countDown();
                      await(release);
                      throw boom;
                    });
              }));
    }
    assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
    awaitAllParked(callers);
    release.countDown();
    for (Future<String> result : results) {
      ExecutionException failure =
          assertThrows(ExecutionException.class, () -> result.get(WAIT_SECONDS, TimeUnit.SECONDS));
      assertSame(boom, failure.getCause());
    }
    assertEquals(1, calls.get(), "waiters ran the creator again after it failed");
    assertEquals(Optional.empty(), region.get("k"));

    String fresh =
        region.getOrCreate(
            "k",
            key -> {
              calls.incrementAndGet();
              return "fresh";
            });
    assertEquals("fresh", fresh);
    assertEquals(2, calls.get());
    assertEquals(Optional.of("fresh"), region.get("k"));
    RegionStatistics stats = region.statistics();
    // The computing caller and its waiters found no value, then get, getOrCreate, get.
    assertEquals(CALLERS + 2, stats.misses());
    assertEquals(1, stats.hits());
    assertEquals(1, stats.puts());
  }

  @Test
  void aCreatorReturningNullCachesNothing() {
    CacheRegion<String, String> region = region();
    assertThrows(NullPointerException.class, () -> region.getOrCreate("k", key -> null));
    assertEquals("v", region.getOrCreate("k", key -> "v"));
  }

  @Test
  void invalidateRemovesOneKeyAndInvalidateAllEveryKey() {
    CacheRegion<String, String> region = region();
    region.put("a", "1");
    region.put("b", "2");
    region.put("c", "3");
    region.invalidate("a");
    assertEquals(Optional.empty(), region.get("a"));
    assertEquals(Optional.of("2"), region.get("b"));
    assertEquals("again", region.getOrCreate("a", key -> "again"));
    region.invalidateAll();
    assertEquals(Optional.empty(), region.get("a"));
    assertEquals(Optional.empty(), region.get("b"));
    assertEquals(Optional.empty(), region.get("c"));
    if (observesSize()) {
      assertEquals(0, region.statistics().size());
      assertEquals(0, region.statistics().evictions(), "invalidations are not evictions");
    }
  }

  @Test
  void statisticsAreExactAfterAKnownSequence() {
    CacheRegion<String, String> region = region();
    region.get("a"); // miss
    region.put("a", "1"); // put
    region.get("a"); // hit
    region.getOrCreate("b", key -> "2"); // miss, put
    region.getOrCreate("b", key -> fail("cached")); // hit
    region.getOrCreate("a", key -> fail("cached")); // hit
    region.get("c"); // miss
    RegionStatistics stats = region.statistics();
    assertEquals("r", stats.name());
    assertEquals(3, stats.hits());
    assertEquals(3, stats.misses());
    assertEquals(2, stats.puts());
    assertEquals(0.5, stats.hitRatio());
    if (observesSize()) {
      assertEquals(0, stats.evictions());
      assertEquals(2, stats.size());
    } else {
      assertEquals(RegionStatistics.UNKNOWN, stats.evictions());
      assertEquals(RegionStatistics.UNKNOWN, stats.size());
    }
  }

  @Test
  void aValueComputedAcrossAnInvalidationIsReturnedButNotCached() throws Exception {
    CacheRegion<String, String> region = region();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> result =
        threads.submit(
            () ->
                region.getOrCreate(
                    "k",
                    key -> {
                      entered.countDown();
                      await(release);
                      return "stale";
                    }));
    assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
    region.invalidate("k");
    release.countDown();
    assertEquals("stale", result.get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(Optional.empty(), region.get("k"));
    assertEquals("fresh", region.getOrCreate("k", key -> "fresh"));
  }

  @Test
  void aValuePutDuringAComputationWins() throws Exception {
    CacheRegion<String, String> region = region();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> result =
        threads.submit(
            () ->
                region.getOrCreate(
                    "k",
                    key -> {
                      entered.countDown();
                      await(release);
                      return "computed";
                    }));
    assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
    region.put("k", "put");
    release.countDown();
    assertEquals("computed", result.get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(Optional.of("put"), region.get("k"));
  }

  @Test
  void invalidateAllDuringAComputationLeavesNothingCached() throws Exception {
    CacheRegion<String, String> region = region();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> result =
        threads.submit(
            () ->
                region.getOrCreate(
                    "k",
                    key -> {
                      entered.countDown();
                      await(release);
                      return "stale";
                    }));
    assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
    region.invalidateAll();
    release.countDown();
    assertEquals("stale", result.get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(Optional.empty(), region.get("k"));
  }

  /**
   * Waits, bounded, until every caller but the one running the creator is parked waiting for its
   * result. After recording itself a caller blocks nowhere but there, so parked means waiting.
   */
  static void awaitAllParked(List<Thread> callers) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (true) {
      List<Thread> snapshot;
      synchronized (callers) {
        snapshot = List.copyOf(callers);
      }
      long parked =
          snapshot.stream()
              .map(Thread::getState)
              .filter(s -> s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING)
              .count();
      if (snapshot.size() == CALLERS && parked == CALLERS) {
        return; // the computing caller waits (timed) on the release latch, the others on it
      }
      if (System.nanoTime() > deadline) {
        fail("callers not all waiting: " + parked + " of " + snapshot.size());
      }
      Thread.onSpinWait();
    }
  }

  static void await(CountDownLatch latch) {
    if (!awaitQuietly(latch)) {
      throw new AssertionError("latch not released in time");
    }
  }

  static boolean awaitQuietly(CountDownLatch latch) {
    try {
      return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
