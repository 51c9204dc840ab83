package dev.quarry.benchmarks;

import static dev.quarry.sql.Sql.select;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.sql.Select;
import dev.quarry.types.Vendor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Overhead of the SQL layer per query: build a typed SELECT with three predicates, ORDER BY and
 * LIMIT, and compile it to SQL text plus parameters, with the render cache warm. Values change
 * on every call (as in an application) so that only the statement's shape can be cached.
 *
 * <p>Run: {@code mvn -B -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar RenderBenchmark} (see docs/PERFORMANCE.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderBenchmark {
  private static final BenchUsers U = BenchUsers.USERS;

  private int counter;
  private Select prebuilt;

  @Setup
  public void warmCache() {
    prebuilt = build(18, "A");
    prebuilt.compile(Vendor.POSTGRESQL);
  }

  private static Select build(int minAge, String prefix) {
    return select(U.id, U.name, U.age)
        .from(U)
        .where(U.age.gt(minAge), U.name.startsWith(prefix), U.active.eq(true))
        .orderBy(U.name.asc())
        .limit(20);
  }

  /** The number the issue asks for: build + render, cache warm. Goal: under 1 µs. */
  @Benchmark
  public CompiledStatement buildAndRender() {
    int n = counter++;
    return build(18 + (n & 31), (n & 1) == 0 ? "A" : "B").compile(Vendor.POSTGRESQL);
  }

  /** Building the immutable statement tree only. */
  @Benchmark
  public Select buildOnly() {
    int n = counter++;
    return build(18 + (n & 31), (n & 1) == 0 ? "A" : "B");
  }

  /** Compiling an already built statement (shape key, cache lookup, parameter list). */
  @Benchmark
  public CompiledStatement renderOnly() {
    return prebuilt.compile(Vendor.POSTGRESQL);
  }
}
