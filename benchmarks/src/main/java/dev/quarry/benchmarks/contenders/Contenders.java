package dev.quarry.benchmarks.contenders;

import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.ebean.EbeanContender;
import dev.quarry.benchmarks.hibernate.HibernateContender;
import dev.quarry.benchmarks.jimmer.JimmerContender;
import dev.quarry.benchmarks.jooq.JooqContender;
import dev.quarry.benchmarks.mybatis.MybatisContender;
import java.util.List;
import java.util.Set;

/** The contenders by name, and which scenarios each has no idiomatic way to run. */
public final class Contenders {
  /** Report order: the limit first, then Quarry, then the peers. */
  public static final List<String> NAMES = List.of("jdbc", "quarry-orm", "quarry-untracked", "quarry-core", "hibernate", "jooq", "mybatis", "jimmer", "ebean");

  private Contenders() {}

  public static Contender create(String name, BenchDatabase db) {
    return switch (name) {
      case "jdbc" -> new JdbcContender(db);
      case "quarry-orm" -> new QuarryOrmContender(db);
      // not in NAMES (the report's columns): run it by name to measure the session option
      case "quarry-orm-reads-outside-tx" -> new QuarryOrmContender(db, true);
      case "quarry-untracked" -> new QuarryUntrackedContender(db);
      case "quarry-core" -> new QuarryCoreContender(db);
      case "hibernate" -> new HibernateContender(db);
      case "jooq" -> new JooqContender(db);
      case "mybatis" -> new MybatisContender(db);
      case "jimmer" -> new JimmerContender(db);
      case "ebean" -> new EbeanContender(db);
      default -> throw new IllegalArgumentException("unknown contender " + name + "; known: " + NAMES);
    };
  }

  /** Whether {@code contender} runs {@code scenario} (a {@code Scenarios} method name) on {@code db}. */
  public static boolean supports(String contender, String scenario, BenchDatabase db) {
    if (scenario.equals("stream100k") && db != BenchDatabase.POSTGRES) {
      return false; // the issue asks for streaming on PostgreSQL (H2 in memory has no cursor to speak of)
    }
    if (scenario.equals("buildAndRender") && db != BenchDatabase.H2) {
      return false; // no database involved: measured once
    }
    Set<String> missing = switch (contender) {
      case "quarry-orm", "quarry-orm-reads-outside-tx" -> Set.of("buildAndRender");
      // reads only, through quarry-orm's session and SQL layer
      case "quarry-untracked" -> Set.of("dto1000", "insertOne", "batchInsert1000", "loadModifyCommit",
          "loadModifyFlush1000", "graphLazy", "openCloseSession", "secondGet", "buildAndRender", "bootstrap50");
      case "quarry-core" -> Set.of("secondGet");
      case "jooq" -> Set.of("openCloseSession");
      // no join fetch of collections, no unit of work, no render-only API
      case "jimmer" -> Set.of("graphJoined", "openCloseSession", "buildAndRender");
      // its unit of work is the transaction; SQL is generated only when a query runs
      case "ebean" -> Set.of("openCloseSession", "buildAndRender");
      default -> Set.of();
    };
    return !missing.contains(scenario);
  }
}
