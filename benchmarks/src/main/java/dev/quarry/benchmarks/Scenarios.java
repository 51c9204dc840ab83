package dev.quarry.benchmarks;

import dev.quarry.benchmarks.contenders.Contender;
import dev.quarry.benchmarks.contenders.Contenders;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
 * Every scenario of issue 8 (and the session figures of issue 4 item 13) but the bootstrap one
 * ({@link Bootstrap}, which needs fresh JVMs), for one contender on one database per trial. Run through the harness ({@code benchmarks/run.sh}), which gives each
 * contender and database its own JVM and writes BENCHMARKS.md, or directly with JMH:
 * {@code java -jar benchmarks/target/benchmarks.jar Scenarios -p contender=jdbc,quarry-orm -p db=h2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class Scenarios {
  /** Rows per page in the list scenarios and rows modified in load-modify-flush. */
  static final int THOUSAND = 1_000;

  @Param({"jdbc", "quarry-orm", "quarry-untracked", "quarry-core", "hibernate", "jooq", "mybatis", "jimmer", "ebean"})
  public String contender;

  @Param({"h2", "postgres"})
  public String db;

  Contender c;
  BenchDatabase database;
  private int seq;

  /**
   * Contenders built in this JVM, reused by every trial: the harness runs all scenarios of one
   * contender in one JVM (JMH forks = 0), so pools and session factories are set up once.
   */
  private static final Map<String, Contender> BUILT = new HashMap<>();

  @Setup(Level.Trial)
  public void open() {
    database = BenchDatabase.valueOf(db.toUpperCase(Locale.ROOT));
    database.prepare();
    synchronized (BUILT) {
      c = BUILT.computeIfAbsent(contender + "/" + db, k -> Contenders.create(contender, database));
    }
  }

  @TearDown(Level.Iteration)
  public void emptyInsertTable() {
    database.truncateInserts();
  }

  /** Ids 1..1000 in turn, so that every call reads or writes a different row. */
  private long nextId() {
    return (seq++ % THOUSAND) + 1;
  }

  @Benchmark
  public Object findById() {
    return c.findById(nextId());
  }

  @Benchmark
  public Object list10() {
    return c.list(10);
  }

  @Benchmark
  public Object list100() {
    return c.list(100);
  }

  @Benchmark
  public Object list1000() {
    return c.list(THOUSAND);
  }

  @Benchmark
  public Object dto1000() {
    return c.dto(THOUSAND);
  }

  @Benchmark
  public long insertOne() {
    return c.insertOne(seq++);
  }

  @Benchmark
  public long batchInsert1000() {
    int from = seq;
    seq += THOUSAND;
    return c.batchInsert(THOUSAND, from);
  }

  @Benchmark
  public long loadModifyCommit() {
    return c.loadModifyCommit(nextId());
  }

  @Benchmark
  public long loadModifyFlush1000() {
    return c.loadModifyFlush(THOUSAND);
  }

  @Benchmark
  public long graphJoined() {
    return c.graphJoined();
  }

  @Benchmark
  public long graphSelectin() {
    return c.graphSelectin();
  }

  @Benchmark
  public long graphLazy() {
    return c.graphLazy();
  }

  @Benchmark
  public void openCloseSession() {
    c.openClose();
  }

  @Benchmark
  public Object secondGet(HeldSession held) {
    return held.session.get();
  }

  @Benchmark
  public long stream100k() {
    return c.stream(100_000, 1_000);
  }

  @Benchmark
  public Object buildAndRender() {
    int n = seq++;
    return c.buildQuery((n & 1) == 0 ? "name 1" : null, (n & 2) == 0 ? 18 + (n & 15) : null, (n & 4) == 0 ? Boolean.TRUE : null);
  }

  /** A session kept open for a whole iteration, holding item 42. */
  @State(Scope.Thread)
  public static class HeldSession {
    Contender.Held session;

    @Setup(Level.Iteration)
    public void open(Scenarios s) {
      session = s.c.hold(42);
    }

    @TearDown(Level.Iteration)
    public void close() {
      session.close();
    }
  }
}
