package dev.quarry.benchmarks.harness;

import dev.quarry.benchmarks.contenders.Contenders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes BENCHMARKS.md (goals, one table per database, ratios to JDBC) and one SVG chart per database. */
public final class Report {
  /** Scenarios in report order, with what each measures. */
  static final Map<String, String> SCENARIOS = new LinkedHashMap<>();

  static {
    SCENARIOS.put("findById", "find by primary key (10 columns)");
    SCENARIOS.put("list10", "list of 10 managed entities");
    SCENARIOS.put("list100", "list of 100 managed entities");
    SCENARIOS.put("list1000", "list of 1,000 managed entities");
    SCENARIOS.put("dto1000", "DTO projection, 3 columns × 1,000 rows");
    SCENARIOS.put("insertOne", "single insert, generated key read back");
    SCENARIOS.put("batchInsert1000", "batch insert of 1,000 rows in one transaction (keys read back)");
    SCENARIOS.put("loadModifyCommit", "load one row, change one field, commit");
    SCENARIOS.put("loadModifyFlush1000", "load 1,000 rows, change all, flush + commit");
    SCENARIOS.put("graphJoined", "100 authors × 10 books, joined");
    SCENARIOS.put("graphSelectin", "100 authors × 10 books, selectin (2 queries)");
    SCENARIOS.put("graphLazy", "100 authors × 10 books, lazy (N+1 reference)");
    SCENARIOS.put("openCloseSession", "open + close an empty session");
    SCENARIOS.put("secondGet", "second get of the same id inside a session");
    SCENARIOS.put("stream100k", "stream 100,000 rows, fetch size 1,000");
    SCENARIOS.put("buildAndRender", "build + render a typed query, 3 optional predicates");
    SCENARIOS.put("bootstrap50", "bootstrap to first query, 50 entities (fresh JVM, single shot)");
  }

  /** The scenario names in report order. */
  public static final List<String> ORDER = List.copyOf(SCENARIOS.keySet());

  /** Issue 8 goals for Quarry on H2 (PostgreSQL: 1.05 for all of them). */
  static final Map<String, Double> H2_GOALS = new LinkedHashMap<>();

  static {
    H2_GOALS.put("findById", 1.2);
    H2_GOALS.put("list100", 1.2);
    H2_GOALS.put("list1000", 1.5);
    H2_GOALS.put("dto1000", 1.1);
    H2_GOALS.put("batchInsert1000", 1.15);
    H2_GOALS.put("loadModifyCommit", 1.25);
    H2_GOALS.put("graphSelectin", 1.2);
    H2_GOALS.put("graphJoined", 1.2); // issue 5 (relationships), item 9
  }

  static final List<String> QUARRY = List.of("quarry-orm", "quarry-untracked", "quarry-core");
  static final List<String> PEERS = List.of("hibernate", "jooq", "mybatis", "jimmer", "ebean");
  private static final String[] COLORS = {"#555555", "#d62728", "#ff7f0e", "#ff9896", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"};

  /** One measured row: average wall µs per operation, its 99.9 % error, and process CPU µs per operation. */
  public record Result(String scenario, String contender, String db, double micros, double error, double cpu) {
    static Result parse(String line) {
      String[] f = line.split("\t");
      return new Result(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
          f.length > 5 ? Double.parseDouble(f[5]) : Double.NaN);
    }

    String tsv() {
      return String.join("\t", scenario, contender, db, String.valueOf(micros), String.valueOf(error),
          String.valueOf(cpu));
    }
  }

  private final Map<String, Result> results = new LinkedHashMap<>();

  Report(List<Result> rows) {
    rows.forEach(r -> results.put(key(r.scenario(), r.contender(), r.db()), r));
  }

  private static String key(String scenario, String contender, String db) {
    return scenario + "/" + contender + "/" + db;
  }

  Result get(String scenario, String contender, String db) {
    return results.get(key(scenario, contender, db));
  }

  Double ratio(String scenario, String contender, String db) {
    Result r = get(scenario, contender, db);
    Result limit = get(scenario, "jdbc", db);
    return r == null || limit == null ? null : r.micros() / limit.micros();
  }

  /** The ratio of process CPU time per operation to JDBC's. */
  Double cpuRatio(String scenario, String contender, String db) {
    Result r = get(scenario, contender, db);
    Result limit = get(scenario, "jdbc", db);
    return r == null || limit == null || Double.isNaN(r.cpu()) ? null : r.cpu() / limit.cpu();
  }

  static String time(double micros) {
    if (micros >= 10_000) {
      return String.format(Locale.ROOT, "%,.1f ms", micros / 1000);
    }
    if (micros >= 100) {
      return String.format(Locale.ROOT, "%,.0f µs", micros);
    }
    if (micros >= 1) {
      return String.format(Locale.ROOT, "%.2f µs", micros);
    }
    return String.format(Locale.ROOT, "%.0f ns", micros * 1000);
  }

  static String x(Double ratio) {
    return ratio == null ? "–" : String.format(Locale.ROOT, "%.2f×", ratio);
  }

  /** The markdown tables: per database, time per operation and ratio to JDBC. */
  String tables(List<String> dbs) {
    StringBuilder md = new StringBuilder();
    for (String db : dbs) {
      md.append("\n### ").append(db.equals("h2") ? "H2 (in memory)" : "PostgreSQL (embedded)").append("\n\n");
      md.append("Time per operation (µs unless marked), then the ratio to hand-written JDBC. **Bold**: the fastest"
          + " contender other than JDBC. – = not run (see notes).\n\n| scenario |");
      Contenders.NAMES.forEach(c -> md.append(' ').append(c).append(" |"));
      md.append("\n|---|");
      Contenders.NAMES.forEach(c -> md.append("---:|"));
      md.append('\n');
      for (String s : ORDER) {
        if (Contenders.NAMES.stream().noneMatch(c -> get(s, c, db) != null)) {
          continue;
        }
        String best = null;
        for (String c : Contenders.NAMES) {
          Result r = get(s, c, db);
          if (!c.equals("jdbc") && r != null && (best == null || r.micros() < get(s, best, db).micros())) {
            best = c;
          }
        }
        md.append("| ").append(SCENARIOS.get(s)).append(" |");
        for (String c : Contenders.NAMES) {
          Result r = get(s, c, db);
          if (r == null) {
            md.append(" – |");
            continue;
          }
          String cell = time(r.micros()) + (c.equals("jdbc") ? "" : " (" + x(ratio(s, c, db)) + ")");
          md.append(' ').append(c.equals(best) ? "**" + cell + "**" : cell).append(" |");
        }
        md.append('\n');
      }
      md.append("\nProcess CPU time per operation of the worker JVM, as a ratio to JDBC's (less sensitive to other"
          + " load on the machine than wall time").append(db.equals("h2") ? "; H2 runs in the same process, so this"
          + " includes the database's work" : "; the PostgreSQL server's CPU is not included: client-side cost only")
          .append(").\n\n| scenario |");
      Contenders.NAMES.forEach(c -> md.append(' ').append(c).append(" |"));
      md.append("\n|---|");
      Contenders.NAMES.forEach(c -> md.append("---:|"));
      md.append('\n');
      for (String s : ORDER) {
        Result limit = get(s, "jdbc", db);
        if (limit == null) {
          continue;
        }
        md.append("| ").append(SCENARIOS.get(s)).append(" |");
        for (String c : Contenders.NAMES) {
          Result r = get(s, c, db);
          md.append(' ').append(r == null ? "–" : c.equals("jdbc") ? time(r.cpu()) : x(cpuRatio(s, c, db))).append(" |");
        }
        md.append('\n');
      }
      md.append("\n![ratio to JDBC on ").append(db).append("](benchmarks/results/chart-").append(db).append(".svg)\n");
    }
    return md.toString();
  }

  /** The goal table: Quarry's ratio to JDBC against the targets, and against the best peer. */
  String goals(List<String> dbs) {
    StringBuilder md = new StringBuilder("| database | scenario | goal | quarry-orm | quarry-untracked | quarry-core | met? |"
        + " best peer | faster than every peer? | CPU: quarry-orm | CPU: quarry-untracked | CPU: quarry-core |\n"
        + "|---|---|---:|---:|---:|---:|---|---|---|---:|---:|---:|\n");
    for (String db : dbs) {
      for (String s : ORDER) {
        Double goal = db.equals("h2") ? H2_GOALS.get(s) : H2_GOALS.containsKey(s) ? Double.valueOf(1.05) : null;
        Double orm = ratio(s, "quarry-orm", db);
        Double untracked = ratio(s, "quarry-untracked", db);
        Double core = ratio(s, "quarry-core", db);
        Double bestQuarry = null;
        for (Double r : java.util.Arrays.asList(orm, untracked, core)) {
          if (r != null && (bestQuarry == null || r < bestQuarry)) {
            bestQuarry = r;
          }
        }
        if (bestQuarry == null) {
          continue;
        }
        String peer = null;
        for (String p : PEERS) {
          if (get(s, p, db) != null && (peer == null || get(s, p, db).micros() < get(s, peer, db).micros())) {
            peer = p;
          }
        }
        boolean faster = peer == null || bestQuarry < ratio(s, peer, db);
        md.append("| ").append(db).append(" | ").append(SCENARIOS.get(s)).append(" | ")
            .append(goal == null ? "–" : "≤ " + x(goal)).append(" | ").append(x(orm)).append(" | ").append(x(untracked)).append(" | ").append(x(core))
            .append(" | ").append(goal == null ? "–" : bestQuarry <= goal ? "yes" : "**no**").append(" | ")
            .append(peer == null ? "–" : peer + " " + x(ratio(s, peer, db))).append(" | ")
            .append(faster ? "yes" : "**no**").append(" | ").append(x(cpuRatio(s, "quarry-orm", db))).append(" | ")
            .append(x(cpuRatio(s, "quarry-untracked", db))).append(" | ").append(x(cpuRatio(s, "quarry-core", db))).append(" |\n");
      }
    }
    return md.toString();
  }

  /** A horizontal bar chart of ratios to JDBC (log scale), grouped by scenario. */
  String svg(String db) {
    List<String> scenarios = new ArrayList<>();
    for (String s : ORDER) {
      if (Contenders.NAMES.stream().anyMatch(c -> !c.equals("jdbc") && ratio(s, c, db) != null)) {
        scenarios.add(s);
      }
    }
    int bar = 7;
    int group = bar * (Contenders.NAMES.size() - 1) + 10;
    int left = 330;
    int width = 560;
    int top = 60;
    int height = top + group * scenarios.size() + 40;
    double min = Math.log10(0.25);
    double max = Math.log10(64);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
        left + width + 40, height));
    svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"14\">Time relative to hand-written"
        + " JDBC on %s (log scale; 1× = JDBC; shorter is faster)</text>\n", db.equals("h2") ? "H2" : "PostgreSQL"));
    for (int i = 1; i < Contenders.NAMES.size(); i++) {
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"28\" width=\"10\" height=\"10\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"37\">%s</text>\n", 10 + (i - 1) * 110, COLORS[i], 24 + (i - 1) * 110,
          Contenders.NAMES.get(i)));
    }
    for (double tick : new double[] {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64}) {
      double x = left + width * (Math.log10(tick) - min) / (max - min);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>"
          + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s×</text>\n", x, top - 5, x, height - 30,
          tick == 1 ? "black" : "#dddddd", x, height - 16, tick < 1 ? String.valueOf(tick) : String.valueOf((int) tick)));
    }
    for (int g = 0; g < scenarios.size(); g++) {
      String s = scenarios.get(g);
      int y0 = top + g * group;
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left - 6,
          y0 + group / 2 + 3, SCENARIOS.get(s).replace("&", "&amp;")));
      for (int i = 1; i < Contenders.NAMES.size(); i++) {
        Double r = ratio(s, Contenders.NAMES.get(i), db);
        if (r == null) {
          continue;
        }
        double clamped = Math.max(Math.log10(0.25), Math.min(max, Math.log10(r)));
        double w = width * (clamped - min) / (max - min);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
            + "<title>%s %s: %.2f×</title></rect>\n", left, y0 + (i - 1) * bar, w, bar - 1, COLORS[i],
            Contenders.NAMES.get(i), s, r));
      }
    }
    return svg.append("</svg>\n").toString();
  }

  static List<Result> read(Path tsv) throws IOException {
    List<Result> rows = new ArrayList<>();
    if (Files.exists(tsv)) {
      for (String line : Files.readAllLines(tsv)) {
        if (!line.isBlank()) {
          rows.add(Result.parse(line));
        }
      }
    }
    return rows;
  }

  static void write(Path tsv, List<Result> rows) throws IOException {
    List<String> lines = new ArrayList<>();
    rows.forEach(r -> lines.add(r.tsv()));
    Files.write(tsv, lines);
  }
}
