package dev.quarry.benchmarks;

import dev.quarry.engine.CompiledStatement;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A cross-check of {@link RenderBenchmark#buildAndRender()} for busy machines: JMH reports wall
 * time, which grows when other processes compete for the cores; this measures the CPU time of
 * the benchmarking thread itself over many calls after a warm-up, which they do not inflate.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.quarry.benchmarks.RenderCpuTime}
 */
public final class RenderCpuTime {
  private RenderCpuTime() {}

  public static void main(String[] args) {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    RenderBenchmark benchmark = new RenderBenchmark();
    benchmark.warmCache();
    long sink = 0;
    for (int round = 0; round < 5; round++) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        CompiledStatement s = benchmark.buildAndRender();
        sink += s.parameters().size();
      }
      long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
      long wall = System.nanoTime() - wallStart;
      System.out.printf("round %d: %.0f ns CPU / %.0f ns wall per buildAndRender%n", round + 1,
          (double) cpu / calls, (double) wall / calls);
    }
    System.out.println("(checksum " + sink + ")");
  }
}
