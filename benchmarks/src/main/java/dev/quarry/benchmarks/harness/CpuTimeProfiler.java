package dev.quarry.benchmarks.harness;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole worker process per operation (µs/op), next to JMH's wall time. On a
 * machine shared with other work, wall time includes waiting for a CPU; process CPU time mostly
 * does not. With H2 in memory the database runs in this process, so it is counted; with
 * PostgreSQL only the client side is.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long start;

  @Override
  public String getDescription() {
    return "process CPU time per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    start = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long nanos = os.getProcessCpuTime() - start;
    long ops = Math.max(1, result.getMetadata().getMeasuredOps());
    return List.of(new ScalarResult("cpu", nanos / 1000.0 / ops, "us/op", AggregationPolicy.AVG));
  }
}
