package dev.quarry.benchmarks;

import dev.quarry.benchmarks.model.CachedItem;
import dev.quarry.benchmarks.model.Item;
import dev.quarry.benchmarks.model.QCachedItem;
import dev.quarry.benchmarks.model.QItem;
import dev.quarry.cache.CacheRegions;
import dev.quarry.engine.Engine;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the second-level and query caches save: {@code get} by id in a new session, and a 10-row
 * query in a new session, each uncached (the row is read from the database) and cached (served from
 * Caffeine regions warmed before measuring). The same rows: {@link Item} uncached in {@code item},
 * {@link CachedItem} {@code @Cached} in {@code cached_item}, a copy of the working set.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CacheBenchmark} (see
 * docs/PERFORMANCE.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class CacheBenchmark {
  private static final QItem I = QItem.item;
  private static final QCachedItem C = QCachedItem.cachedItem;
  /** Ids cycled through: a working set the cache holds entirely. */
  private static final int WORKING_SET = 1_000;

  @Param({"H2", "POSTGRES"})
  public BenchDatabase database;

  private Engine engine;
  private SessionFactory plain;
  private SessionFactory cached;
  private long next;

  @Setup(Level.Trial)
  public void open() {
    database.prepare();
    engine = database.engine();
    Metadata tables = Metadata.of(C);
    tables.dropAll(engine);
    tables.createAll(engine);
    engine.runInTransaction(c -> c.execute(Sql.text("INSERT INTO cached_item SELECT * FROM item WHERE id <= "
        + WORKING_SET + 10).writes("cached_item")).close());
    plain = SessionFactory.builder(engine).build();
    CacheRegions regions = CacheRegions.caffeine()
        .region("items", Duration.ofHours(1), 10 * WORKING_SET)
        .region("queries", Duration.ofHours(1), 10 * WORKING_SET);
    cached = SessionFactory.builder(engine).cache(regions).build();
    for (long id = 1; id <= WORKING_SET; id++) { // warm: every row and every query of the working set
      try (Session s = cached.openSession()) {
        s.get(CachedItem.class, id);
        s.select(C).where(C.id.between(id, id + 9)).cached("queries").list();
      }
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    engine.close();
  }

  private long nextId() {
    next = next % WORKING_SET + 1;
    return next;
  }

  /** A new session reads one row by id from the database. */
  @Benchmark
  public Item getInNewSession() {
    try (Session s = plain.openSession()) {
      return s.get(Item.class, nextId());
    }
  }

  /** A new session gets one row by id from the second-level cache: no connection, no SQL. */
  @Benchmark
  public CachedItem getInNewSessionCached() {
    try (Session s = cached.openSession()) {
      return s.get(CachedItem.class, nextId());
    }
  }

  /** A new session runs a 10-row query against the database. */
  @Benchmark
  public List<Item> queryInNewSession() {
    long from = nextId();
    try (Session s = plain.openSession()) {
      return s.select(I).where(I.id.between(from, from + 9)).list();
    }
  }

  /** A new session gets the 10 ids from the query cache and the rows from the second-level cache. */
  @Benchmark
  public List<CachedItem> queryInNewSessionCached() {
    long from = nextId();
    try (Session s = cached.openSession()) {
      return s.select(C).where(C.id.between(from, from + 9)).cached("queries").list();
    }
  }
}
