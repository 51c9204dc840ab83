package dev.quarry.benchmarks;

import dev.quarry.benchmarks.boot.Booted;
import java.util.Locale;
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
 * Bootstrap to the first query's result with 50 mapped entity classes, once per fresh JVM (JMH
 * single-shot, one measured call per fork, several forks). Before the clock starts: the JVM and
 * JMH are up and the 50 {@code boot_NN} tables exist (created with plain JDBC, which also loads
 * the driver). Measured: creating the contender's HikariCP pool (same settings for everyone;
 * Quarry's engine is its pool), its bootstrap over the 50 entities (session factory, client,
 * configuration) and reading row 1 of {@code boot_01} into an object — class loading and
 * interpretation of the library included, which is what a fresh application pays.
 *
 * <p>The harness runs it as the {@code bootstrap50} row; directly:
 * {@code java -jar benchmarks/target/benchmarks.jar Bootstrap -p db=h2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xmx512m"})
public class Bootstrap {
  @Param({"jdbc", "quarry-orm", "quarry-core", "hibernate", "jooq", "mybatis", "jimmer", "ebean"})
  public String contender;

  @Param({"h2", "postgres"})
  public String db;

  private BenchDatabase database;
  private Booted booted;

  @Setup(Level.Trial)
  public void tables() {
    database = BenchDatabase.valueOf(db.toUpperCase(Locale.ROOT));
    database.prepareBootTables();
  }

  @Benchmark
  public String firstQuery() throws Exception {
    booted = Booted.run(contender, database);
    return booted.row();
  }

  @TearDown(Level.Iteration)
  public void close() throws Exception {
    if (booted != null) {
      booted.resources().close();
      booted = null;
    }
  }
}
