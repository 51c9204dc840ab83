package dev.quarry.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * A date or time type that SQLite stores as text in a pattern of the user's choosing
 * (SQLAlchemy's {@code storage_format}), for databases whose existing data is in another form than
 * {@link TemporalText}'s. Other databases store the base type natively and never see the pattern.
 * Reading tries the pattern first and then any ISO-8601 form, so a column that holds both reads.
 */
final class FormattedTemporalType<T> extends SqlType<T> {
  /** A value with every field non-zero, to prove that a pattern writes what it can read back. */
  private static final LocalDateTime SAMPLE = LocalDateTime.of(2024, 11, 23, 13, 45, 27, 123_456_000);

  private final SqlType<T> base;
  private final String pattern;
  private final DateTimeFormatter formatter;

  FormattedTemporalType(SqlType<T> base, String pattern) {
    super(base.kind(), base.javaType(), base.length(), base.precision(), base.scale());
    this.base = base;
    this.pattern = pattern;
    try {
      this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("storage format \"" + pattern + "\" is not a DateTimeFormatter pattern: "
          + e.getMessage(), e);
    }
    T sample = base.javaType().cast(sample(base.javaType()));
    try {
      parse(format(sample));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("storage format \"" + pattern + "\" cannot store a "
          + base.javaType().getSimpleName() + " and read it back (" + e.getMessage() + "); it needs the fields "
          + needs(base.javaType()), e);
    }
  }

  /** The pattern values are written in on SQLite. */
  String pattern() {
    return pattern;
  }

  @Override
  public T read(ResultSet rs, int index, Vendor vendor) throws SQLException {
    if (vendor != Vendor.SQLITE) {
      return base.read(rs, index, vendor);
    }
    String text = rs.getString(index);
    return text == null ? null : parse(text);
  }

  @Override
  public void bind(PreparedStatement ps, int index, T value, Vendor vendor) throws SQLException {
    if (vendor != Vendor.SQLITE) {
      base.bind(ps, index, value, vendor);
    } else if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, format(value));
    }
  }

  @Override
  public T fromObject(Object value) {
    return value instanceof String text ? parse(text) : base.fromObject(value);
  }

  @Override
  public SqlType<T> withStorageFormat(String newPattern) {
    return new FormattedTemporalType<>(base, newPattern);
  }

  /** Offset values are normalised to UTC first, so that a pattern without an offset keeps the instant. */
  private String format(T value) {
    Object v = value;
    if (v instanceof OffsetDateTime t) {
      v = t.withOffsetSameInstant(ZoneOffset.UTC);
    } else if (v instanceof Instant t) {
      v = t.atOffset(ZoneOffset.UTC);
    }
    return formatter.format((TemporalAccessor) v);
  }

  private T parse(String text) {
    try {
      return javaType().cast(parseWithPattern(text));
    } catch (DateTimeParseException e) {
      try {
        return base.fromObject(text); // ISO-8601 text, as Quarry writes by default
      } catch (RuntimeException notIso) {
        throw new IllegalArgumentException("\"" + text + "\" is neither in the column's storage format \"" + pattern
            + "\" nor ISO-8601", e);
      }
    }
  }

  private Object parseWithPattern(String text) {
    Class<T> type = javaType();
    if (type == LocalDate.class) {
      return LocalDate.parse(text, formatter);
    }
    if (type == LocalTime.class) {
      return LocalTime.parse(text, formatter);
    }
    if (type == LocalDateTime.class) {
      return LocalDateTime.parse(text, formatter);
    }
    TemporalAccessor parsed = formatter.parse(text);
    LocalDateTime local = LocalDateTime.from(parsed);
    ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
        ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
        : ZoneOffset.UTC; // written in UTC when the pattern has no offset
    OffsetDateTime at = local.atOffset(offset);
    return type == Instant.class ? at.toInstant() : at;
  }

  private static Object sample(Class<?> type) {
    if (type == LocalDate.class) {
      return SAMPLE.toLocalDate();
    }
    if (type == LocalTime.class) {
      return SAMPLE.toLocalTime();
    }
    if (type == LocalDateTime.class) {
      return SAMPLE;
    }
    OffsetDateTime at = SAMPLE.atOffset(ZoneOffset.UTC);
    return type == Instant.class ? at.toInstant() : at;
  }

  private static String needs(Class<?> type) {
    if (type == LocalDate.class) {
      return "year, month and day (e.g. \"yyyy-MM-dd\")";
    }
    if (type == LocalTime.class) {
      return "hour and minute (e.g. \"HH:mm:ss\")";
    }
    return "year, month, day, hour and minute (e.g. \"yyyy-MM-dd HH:mm:ss.SSSSSS\")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FormattedTemporalType<?> other && other.pattern.equals(pattern) && other.base.equals(base);
  }

  @Override
  public int hashCode() {
    return 31 * base.hashCode() + pattern.hashCode();
  }

  @Override
  public String describe() {
    return base.describe() + " stored as \"" + pattern + "\"";
  }
}
