package dev.quarry.sql.dialect;

/** A field of a date or time value, for {@code Sql.extract} and {@code Sql.dateTrunc}. */
public enum DatePart {
  YEAR("%Y", "-01-01 00:00:00"),
  MONTH("%Y-%m", "-01 00:00:00"),
  DAY("%Y-%m-%d", " 00:00:00"),
  HOUR("%Y-%m-%d %H", ":00:00"),
  MINUTE("%Y-%m-%d %H:%M", ":00"),
  SECOND("%Y-%m-%d %H:%M:%S", "");

  /** strftime / DATE_FORMAT pattern of the value up to this part (MySQL spells minutes %i, seconds %s). */
  final String keptPattern;
  /** What completes the kept text to a full {@code yyyy-MM-dd HH:mm:ss} date-time. */
  final String truncatedRest;

  DatePart(String keptPattern, String truncatedRest) {
    this.keptPattern = keptPattern;
    this.truncatedRest = truncatedRest;
  }

  /** Whether the part is finer than a day (meaningless on a DATE). */
  public boolean isTimeOfDay() {
    return ordinal() > DAY.ordinal();
  }

  /** The single-field pattern for extracting this part ({@code %m}). */
  final String fieldPattern() {
    return keptPattern.substring(keptPattern.length() - 2);
  }

  /**
   * The text pattern a value truncated to this part has: {@code yyyy-MM-dd} for a date,
   * {@code yyyy-MM-dd HH:mm:ss} for a date-time.
   */
  final String truncationPattern(boolean dateOnly) {
    String full = keptPattern + truncatedRest;
    return dateOnly ? full.substring(0, Math.min(full.length(), 8)) : full;
  }
}
