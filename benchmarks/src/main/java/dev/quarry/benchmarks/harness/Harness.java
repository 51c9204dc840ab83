package dev.quarry.benchmarks.harness;

import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.contenders.Contenders;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one command behind {@code benchmarks/run.sh}: starts one embedded PostgreSQL and loads it,
 * runs a {@link Worker} JVM per contender and database (quick or full profile), and writes
 * BENCHMARKS.md and the charts from the collected results.
 *
 * <p>Options: {@code --full} (or {@code --smoke}: one short iteration per row, to check that everything runs); {@code --contenders a,b}, {@code --dbs h2,postgres},
 * {@code --scenarios x,y} (rerun some rows: results are merged into the previous ones);
 * {@code --report-only} (rewrite BENCHMARKS.md from {@code benchmarks/results/results.tsv}).
 */
public final class Harness {
  private static final Path RESULTS = Path.of("benchmarks", "results");

  private Harness() {}

  public static void main(String[] args) throws Exception {
    List<String> argList = Arrays.asList(args);
    String profile = argList.contains("--full") ? "full" : argList.contains("--smoke") ? "smoke" : "quick";
    List<String> contenders = option(argList, "--contenders", Contenders.NAMES);
    List<String> dbs = option(argList, "--dbs", List.of("h2", "postgres"));
    List<String> scenarios = option(argList, "--scenarios", List.of());
    boolean partial = argList.contains("--contenders") || argList.contains("--dbs") || argList.contains("--scenarios");
    Files.createDirectories(RESULTS.resolve("logs"));
    Path tsv = RESULTS.resolve("results.tsv");
    Path runs = RESULTS.resolve("runs.tsv");
    if (!argList.contains("--report-only")) {
      List<Report.Result> previous = partial ? Report.read(tsv) : new ArrayList<>();
      if (!partial) {
        Files.deleteIfExists(runs);
      }
      Path fresh = RESULTS.resolve("latest.tsv");
      Files.deleteIfExists(fresh);
      run(profile, contenders, dbs, scenarios, fresh, runs);
      List<Report.Result> latest = Report.read(fresh);
      previous.removeIf(p -> latest.stream().anyMatch(l -> l.scenario().equals(p.scenario())
          && l.contender().equals(p.contender()) && l.db().equals(p.db())));
      previous.addAll(latest);
      Report.write(tsv, previous);
      Files.writeString(RESULTS.resolve("profile.txt"), profile);
    }
    profile = Files.exists(RESULTS.resolve("profile.txt")) ? Files.readString(RESULTS.resolve("profile.txt")) : profile;
    Report report = new Report(Report.read(tsv));
    List<String> presentDbs = new ArrayList<>();
    for (String db : List.of("h2", "postgres")) {
      if (Report.read(tsv).stream().anyMatch(r -> r.db().equals(db))) {
        presentDbs.add(db);
        Files.writeString(RESULTS.resolve("chart-" + db + ".svg"), report.svg(db));
      }
    }
    Files.writeString(Path.of("BENCHMARKS.md"), Document.markdown(report, presentDbs, profile, runs));
    System.out.println("wrote BENCHMARKS.md and " + RESULTS.resolve("chart-*.svg"));
  }

  private static List<String> option(List<String> args, String name, List<String> fallback) {
    int i = args.indexOf(name);
    return i < 0 ? fallback : List.of(args.get(i + 1).split(","));
  }

  private static void run(String profile, List<String> contenders, List<String> dbs, List<String> scenarios, Path out,
      Path runs) throws IOException, InterruptedException {
    EmbeddedPostgres pg = null;
    String pgUrl = null;
    try {
      if (dbs.contains("postgres")) {
        pg = BenchDatabase.startServer();
        pgUrl = BenchDatabase.jdbcUrl(pg);
        System.setProperty("bench.pg.url", pgUrl);
        BenchDatabase.POSTGRES.prepare();
      }
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      for (String db : dbs) {
        for (String contender : contenders) {
          List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx1g", "-XX:+UseG1GC", "-Djmh.ignoreLock=true",
              "-cp", System.getProperty("java.class.path")));
          if (pgUrl != null) {
            command.add("-Dbench.pg.url=" + pgUrl);
          }
          command.addAll(List.of(Worker.class.getName(), contender, db, profile, out.toString()));
          command.addAll(scenarios);
          String loadBefore = loadAverage();
          Instant start = Instant.now();
          System.out.printf(Locale.ROOT, "%s on %s (load %s) ...%n", contender, db, loadBefore);
          Process p = new ProcessBuilder(command).redirectErrorStream(true)
              .redirectOutput(RESULTS.resolve("logs").resolve(contender + "-" + db + ".log").toFile()).start();
          int exit = p.waitFor();
          long seconds = Duration.between(start, Instant.now()).toSeconds();
          Files.writeString(runs, String.join("\t", contender, db, String.valueOf(seconds), loadBefore, loadAverage(),
              String.valueOf(exit)) + "\n", StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
          System.out.printf(Locale.ROOT, "  done in %d s, exit %d%n", seconds, exit);
        }
      }
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
  }

  /** The 1-minute load average (Linux), to judge how noisy a run was. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  static String now() {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC));
  }
}
