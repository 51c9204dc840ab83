package dev.quarry.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Date and time values as text for databases without temporal storage (SQLite), in SQLite's own
 * {@code datetime()} form: {@code 2024-05-01 13:45:00}, with a fraction of a second only when it is
 * not zero and without trailing zeros ({@code 13:45:00.5}). That is the text {@code CURRENT_TIMESTAMP}
 * and SQLite's date functions produce, so values compare equal to theirs, and it still sorts in
 * time order as text. Offset date-times are written normalised to UTC without a suffix, as
 * {@code CURRENT_TIMESTAMP} writes them, so they sort in instant order. Reading is lenient ({@code T}
 * or space, any fraction, optional offset), so values written in another ISO-8601 form still read.
 */
final class TemporalText {
  private TemporalText() {}

  private static final DateTimeFormatter TIME_OUT = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true) // no fraction when zero, no trailing zeros
      .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter TIME_IN = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm")
      .optionalStart().appendPattern(":ss").optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter DATE_TIME_IN = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(TIME_IN)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  static String format(LocalDate d) {
    return d.format(DateTimeFormatter.ISO_LOCAL_DATE);
  }

  static String format(LocalTime t) {
    return t.format(TIME_OUT);
  }

  static String format(LocalDateTime t) {
    return format(t.toLocalDate()) + ' ' + format(t.toLocalTime());
  }

  static String format(OffsetDateTime t) {
    return format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
  }

  static LocalDate parseDate(String s) {
    if (s == null) {
      return null;
    }
    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }

  static LocalTime parseTime(String s) {
    return s == null ? null : LocalTime.parse(s, TIME_IN);
  }

  static LocalDateTime parseDateTime(String s) {
    if (s == null) {
      return null;
    }
    var parsed = DATE_TIME_IN.parse(s.trim());
    LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      // A value with an offset read as local time: express it in UTC, as CURRENT_TIMESTAMP does.
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
      return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    return local;
  }

  static OffsetDateTime parseOffsetDateTime(String s) {
    if (s == null) {
      return null;
    }
    var parsed = DATE_TIME_IN.parse(s.trim());
    LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
    ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
        ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
        : ZoneOffset.UTC; // SQLite's CURRENT_TIMESTAMP is UTC without a suffix
    return local.atOffset(offset);
  }
}
