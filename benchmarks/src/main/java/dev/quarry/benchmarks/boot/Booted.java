package dev.quarry.benchmarks.boot;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a contender's bootstrap produced: the first query's row (as text, so that the sanity test
 * compares contenders) and what to close afterwards (outside the measured time).
 */
public record Booted(String row, AutoCloseable resources) {
  /** The row's columns in table order, as every contender reports them. */
  static String row(Long id, String name, BigDecimal amount, LocalDateTime createdAt, long counter, boolean active) {
    return List.of(id, name, amount, createdAt, counter, active).toString();
  }

  /** Dispatches by contender name; each contender's bootstrap lives in its own class, so a fresh JVM loads only that library. */
  public static Booted run(String contender, dev.quarry.benchmarks.BenchDatabase db) throws Exception {
    return switch (contender) {
      case "jdbc" -> JdbcBoot.run(db);
      case "quarry-orm", "quarry-untracked" -> QuarryOrmBoot.run(db); // the same bootstrap
      case "quarry-core" -> QuarryCoreBoot.run(db);
      case "hibernate" -> HibernateBoot.run(db);
      case "jooq" -> JooqBoot.run(db);
      case "mybatis" -> MybatisBoot.run(db);
      case "jimmer" -> JimmerBoot.run(db);
      case "ebean" -> EbeanBoot.run(db);
      default -> throw new IllegalArgumentException("unknown contender " + contender);
    };
  }
}
