package dev.quarry.benchmarks;

import dev.quarry.benchmarks.model.Item;
import dev.quarry.benchmarks.model.QItem;
import dev.quarry.engine.Engine;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
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
 * What autoflush costs as a session grows: one object is changed, then a query by id runs (its
 * autoflush writes the change first), in a session that holds {@code held} loaded objects besides.
 * Goal: at 100,000 held objects within 2× of the same work in a session holding none — a query
 * visits only the objects that may have changed, not every object the session holds.
 *
 * <p>Run on H2: {@code java -jar benchmarks/target/benchmarks.jar AutoflushBenchmark} (see
 * docs/PERFORMANCE.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class AutoflushBenchmark {
  private static final QItem I = QItem.item;

  @Param({"0", "1000", "10000", "100000"})
  public int held;

  private Engine engine;
  private Session session;
  private Item changed;
  private long counter;
  private long probe;

  @Setup(Level.Trial)
  public void open() {
    BenchDatabase.H2.prepare();
    engine = BenchDatabase.H2.engine();
    session = SessionFactory.builder(engine).build().openSession();
    List<Item> loaded = session.select(I).where(I.id.le((long) held + 1)).orderBy(I.id.asc()).list();
    changed = loaded.get(0);
    probe = loaded.size() > 1 ? 2 : 1;
  }

  @TearDown(Level.Trial)
  public void close() {
    session.rollback();
    session.close();
    engine.close();
  }

  /** Changes one object, then queries by id: the autoflush writes the change, the query reads a row. */
  @Benchmark
  public Item changeThenQueryById() {
    changed.setCounter(++counter);
    return session.select(I).where(I.id.eq(probe)).oneOrNull();
  }
}
