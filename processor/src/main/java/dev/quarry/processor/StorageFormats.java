package dev.quarry.processor;

import dev.quarry.processor.model.ValueKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Checks a {@code @Column(storageFormat)} pattern at compile time the way the runtime uses it:
 * a value of the property's kind with every field set is written with the pattern and must read
 * back, so a pattern without the time of a date-time is an error on the property, not a failure
 * at the first insert.
 */
final class StorageFormats {
  private StorageFormats() {}

  private static final LocalDateTime SAMPLE = LocalDateTime.of(2024, 11, 23, 13, 45, 27, 123_456_000);

  /** What is wrong with {@code pattern} for values of {@code kind}, or null when it fits. */
  static String problem(ValueKind kind, String pattern) {
    DateTimeFormatter formatter;
    try {
      formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "is not a DateTimeFormatter pattern (" + e.getMessage() + ")";
    }
    try {
      switch (kind) {
        case LOCAL_DATE -> LocalDate.parse(formatter.format(SAMPLE.toLocalDate()), formatter);
        case LOCAL_TIME -> LocalTime.parse(formatter.format(SAMPLE.toLocalTime()), formatter);
        case LOCAL_DATE_TIME -> LocalDateTime.parse(formatter.format(SAMPLE), formatter);
        // Offset values are written in UTC; a pattern may add the offset or leave it out.
        default -> LocalDateTime.from(formatter.parse(formatter.format(SAMPLE.atOffset(ZoneOffset.UTC))));
      }
      return null;
    } catch (RuntimeException e) {
      return "cannot write a " + kind.boxed().substring("java.time.".length()) + " and read it back ("
          + e.getMessage() + ")";
    }
  }
}
