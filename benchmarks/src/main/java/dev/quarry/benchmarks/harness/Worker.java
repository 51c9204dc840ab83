package dev.quarry.benchmarks.harness;

import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.contenders.Contenders;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every scenario one contender supports on one database with JMH, inside this JVM (the
 * harness starts one worker JVM per contender and database, so contenders never share a JIT
 * profile), and appends {@code scenario, contender, db, wall time, its error, process CPU time} lines (µs/op) to a file.
 *
 * <p>Usage: {@code Worker <contender> <h2|postgres> <quick|full> <results.tsv> [scenario...]}.
 */
public final class Worker {
  private Worker() {}

  /** The CPU-time profiler's figure, or NaN. */
  private static double cpu(RunResult r) {
    for (var e : r.getSecondaryResults().entrySet()) {
      if (e.getKey().endsWith("cpu")) {
        return e.getValue().getScore();
      }
    }
    return Double.NaN;
  }

  public static void main(String[] args) throws RunnerException, IOException {
    String contender = args[0];
    BenchDatabase db = BenchDatabase.valueOf(args[1].toUpperCase(Locale.ROOT));
    String profile = args[2];
    Path out = Path.of(args[3]);
    List<String> wanted = args.length > 4 ? List.of(args).subList(4, args.length) : Report.ORDER;
    List<String> run = new ArrayList<>();
    for (String s : wanted) {
      if (Contenders.supports(contender, s, db)) {
        run.add(s);
      }
    }
    boolean bootstrap = run.remove("bootstrap50");
    List<RunResult> results = new ArrayList<>();
    if (!run.isEmpty()) {
      db.prepare();
      results.addAll(scenarios(contender, db, profile, run));
    }
    if (bootstrap) {
      results.addAll(bootstrap(contender, db, profile));
    }
    List<String> lines = new ArrayList<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      lines.add(String.join("\t", method.equals("firstQuery") ? "bootstrap50" : method, contender,
          db.name().toLowerCase(Locale.ROOT), String.valueOf(r.getPrimaryResult().getScore()),
          String.valueOf(r.getPrimaryResult().getScoreError()), String.valueOf(cpu(r))));
    }
    synchronized (Worker.class) {
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND))) {
        lines.forEach(w::println);
      }
    }
    System.exit(0); // JMH in-process leaves pool housekeeping threads behind
  }

  /** Forks of the bootstrap row per profile: each fork is one cold start. */
  static int bootstrapForks(String profile) {
    return switch (profile) {
      case "full" -> 10;
      case "smoke" -> 1;
      default -> 2; // quick and key: two cold starts per row keep the quick profile within ~15 minutes
    };
  }

  /** The bootstrap row: single shot in fresh JVMs (the only row that forks; the others share this JVM). */
  private static java.util.Collection<RunResult> bootstrap(String contender, BenchDatabase db, String profile)
      throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("dev\\.quarry\\.benchmarks\\.Bootstrap\\.firstQuery$")
        .param("contender", contender)
        .param("db", db.name().toLowerCase(Locale.ROOT))
        .forks(bootstrapForks(profile))
        .timeUnit(TimeUnit.MICROSECONDS)
        .shouldFailOnError(false)
        .addProfiler(CpuTimeProfiler.class);
    String pg = System.getProperty("bench.pg.url");
    options.jvmArgsAppend(pg == null ? new String[] {"-Xmx512m", "-XX:+UseG1GC"}
        : new String[] {"-Xmx512m", "-XX:+UseG1GC", "-Dbench.pg.url=" + pg});
    return new Runner(options.build()).run();
  }

  private static java.util.Collection<RunResult> scenarios(String contender, BenchDatabase db, String profile,
      List<String> run) throws RunnerException {
    boolean full = profile.equals("full");
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("dev\\.quarry\\.benchmarks\\.Scenarios\\.(" + String.join("|", run) + ")$")
        .param("contender", contender)
        .param("db", db.name().toLowerCase(Locale.ROOT))
        .forks(0)
        .timeUnit(TimeUnit.MICROSECONDS)
        .shouldFailOnError(false)
        .addProfiler(CpuTimeProfiler.class);
    if (full) {
      options.warmupIterations(5).warmupTime(TimeValue.seconds(1)).measurementIterations(5)
          .measurementTime(TimeValue.seconds(2));
    } else if (profile.equals("key")) {
      options.warmupIterations(5).warmupTime(TimeValue.seconds(1)).measurementIterations(2)
          .measurementTime(TimeValue.seconds(1));
    } else if (profile.equals("smoke")) {
      options.warmupIterations(1).warmupTime(TimeValue.milliseconds(100)).measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(100));
    } else {
      // quick: 2.5 s per row, so that ~230 rows (8 contenders × 2 databases) fit in ~15 minutes on 2 cores
      options.warmupIterations(3).warmupTime(TimeValue.milliseconds(500)).measurementIterations(2)
          .measurementTime(TimeValue.milliseconds(500));
    }
    return new Runner(options.build()).run();
  }
}
