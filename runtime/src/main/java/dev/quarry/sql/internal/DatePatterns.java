package dev.quarry.sql.internal;

import dev.quarry.sql.DatePart;

/**
 * strftime / DATE_FORMAT patterns for databases without EXTRACT or DATE_TRUNC (SQLite, MySQL):
 * dates there are formatted text, so a part is extracted or truncated by formatting.
 */
final class DatePatterns {
  private DatePatterns() {}

  /** The pattern of the value up to {@code part} (MySQL spells minutes %i, seconds %s). */
  private static String kept(DatePart part) {
    return switch (part) {
      case YEAR -> "%Y";
      case MONTH -> "%Y-%m";
      case DAY -> "%Y-%m-%d";
      case HOUR -> "%Y-%m-%d %H";
      case MINUTE -> "%Y-%m-%d %H:%M";
      case SECOND -> "%Y-%m-%d %H:%M:%S";
    };
  }

  /** What completes the kept text to a full {@code yyyy-MM-dd HH:mm:ss} date-time. */
  private static String truncatedRest(DatePart part) {
    return switch (part) {
      case YEAR -> "-01-01 00:00:00";
      case MONTH -> "-01 00:00:00";
      case DAY -> " 00:00:00";
      case HOUR -> ":00:00";
      case MINUTE -> ":00";
      case SECOND -> "";
    };
  }

  /** The single-field pattern for extracting {@code part} ({@code %m}). */
  static String field(DatePart part) {
    String kept = kept(part);
    return kept.substring(kept.length() - 2);
  }

  /**
   * The text pattern a value truncated to {@code part} has: {@code yyyy-MM-dd} for a date,
   * {@code yyyy-MM-dd HH:mm:ss} for a date-time.
   */
  static String truncation(DatePart part, boolean dateOnly) {
    String full = kept(part) + truncatedRest(part);
    return dateOnly ? full.substring(0, Math.min(full.length(), 8)) : full;
  }
}
