package dev.quarry.processor.query;

import java.util.Locale;

/** A database a {@code @Query} is checked for (processor option {@code quarry.dialects}). */
public enum SqlDialect {
  POSTGRESQL, SQLITE, H2, MARIADB, MYSQL;

  /** The name used in the processor option: {@code postgresql}, {@code sqlite}, … */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
