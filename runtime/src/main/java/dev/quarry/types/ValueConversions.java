package dev.quarry.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Converts values as JDBC's {@code getObject} returns them (or as another type read them) into the
 * built-in Java types: numbers between widths (exactly, or failing), text to numbers, dates and
 * UUIDs (SQLite stores those as text), {@code java.sql} temporals to {@code java.time}.
 */
final class ValueConversions {
  private ValueConversions() {}

  static Object convert(Object value, Class<?> target) {
    if (value == null || target.isInstance(value)) {
      return value;
    }
    try {
      Object converted = convertOrNull(value, target);
      if (converted != null) {
        return converted;
      }
    } catch (ArithmeticException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("cannot convert " + describe(value) + " to " + target.getSimpleName()
          + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("cannot convert " + describe(value) + " to " + target.getSimpleName());
  }

  private static String describe(Object value) {
    String s = String.valueOf(value);
    return value.getClass().getSimpleName() + " " + (s.length() > 60 ? s.substring(0, 60) + "…" : s);
  }

  private static Object convertOrNull(Object value, Class<?> target) {
    value = unwrapLob(value);
    if (target.isInstance(value)) {
      return value;
    }
    if (target == String.class) {
      return value instanceof byte[] ? null : value.toString();
    }
    if ((target == Double.class || target == Float.class) && (value instanceof Double || value instanceof Float)) {
      // widening or narrowing between binary floating point keeps NaN and the infinities
      return target == Double.class ? (Object) ((Number) value).doubleValue() : (Object) ((Number) value).floatValue();
    }
    if (Number.class.isAssignableFrom(target)) {
      BigDecimal d = decimal(value);
      return d == null ? null : number(d, target);
    }
    if (target == Boolean.class) {
      if (value instanceof Number) {
        return ((Number) value).intValue() != 0;
      }
      if (value instanceof String) {
        String s = ((String) value).trim();
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
          return true;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
          return false;
        }
        throw new IllegalArgumentException("not a boolean");
      }
      return null;
    }
    if (target == Character.class) {
      return value instanceof String && ((String) value).length() == 1 ? ((String) value).charAt(0) : null;
    }
    if (target == UUID.class) {
      if (value instanceof String) {
        return UUID.fromString(((String) value).trim());
      }
      if (value instanceof byte[] && ((byte[]) value).length == 16) {
        ByteBuffer b = ByteBuffer.wrap((byte[]) value);
        return new UUID(b.getLong(), b.getLong());
      }
      return null;
    }
    return temporal(value, target);
  }

  private static Object unwrapLob(Object value) {
    try {
      if (value instanceof Clob) {
        Clob clob = (Clob) value;
        return clob.getSubString(1, (int) clob.length());
      }
      if (value instanceof Blob) {
        Blob blob = (Blob) value;
        return blob.getBytes(1, (int) blob.length());
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException("cannot read LOB: " + e.getMessage(), e);
    }
    return value;
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    if (value instanceof BigInteger) {
      return new BigDecimal((BigInteger) value);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return null;
      }
      return new BigDecimal(value.toString());
    }
    if (value instanceof Number) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Boolean) {
      return (Boolean) value ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value instanceof String) {
      return new BigDecimal(((String) value).trim());
    }
    return null;
  }

  private static Object number(BigDecimal d, Class<?> target) {
    if (target == Long.class) {
      return d.longValueExact();
    } else if (target == Integer.class) {
      return d.intValueExact();
    } else if (target == Short.class) {
      return d.shortValueExact();
    } else if (target == Byte.class) {
      return d.byteValueExact();
    } else if (target == Double.class) {
      return d.doubleValue();
    } else if (target == Float.class) {
      return d.floatValue();
    } else if (target == BigInteger.class) {
      return d.toBigIntegerExact();
    } else if (target == BigDecimal.class) {
      return d;
    }
    return null;
  }

  private static Object temporal(Object value, Class<?> target) {
    if (value instanceof java.sql.Timestamp) {
      java.sql.Timestamp ts = (java.sql.Timestamp) value;
      value = target == Instant.class ? ts.toInstant() : ts.toLocalDateTime();
    } else if (value instanceof java.sql.Date) {
      value = ((java.sql.Date) value).toLocalDate();
    } else if (value instanceof java.sql.Time) {
      value = ((java.sql.Time) value).toLocalTime();
    }
    if (target.isInstance(value)) {
      return value;
    }
    if (value instanceof String) {
      String s = (String) value;
      if (target == LocalDate.class) {
        return TemporalText.parseDate(s);
      } else if (target == LocalTime.class) {
        return TemporalText.parseTime(s);
      } else if (target == LocalDateTime.class) {
        return TemporalText.parseDateTime(s);
      } else if (target == OffsetDateTime.class) {
        return TemporalText.parseOffsetDateTime(s);
      } else if (target == Instant.class) {
        return TemporalText.parseOffsetDateTime(s).toInstant();
      }
      return null;
    }
    if (target == LocalDate.class && value instanceof LocalDateTime) {
      return ((LocalDateTime) value).toLocalDate();
    }
    if (target == Instant.class && value instanceof OffsetDateTime) {
      return ((OffsetDateTime) value).toInstant();
    }
    if ((target == OffsetDateTime.class || target == Instant.class) && value instanceof LocalDateTime) {
      // A date-time without zone where an instant is wanted is UTC, as Quarry writes instants to
      // columns without a zone (SQLite text, MySQL's and MariaDB's DATETIME).
      OffsetDateTime utc = ((LocalDateTime) value).atOffset(ZoneOffset.UTC);
      return target == Instant.class ? utc.toInstant() : utc;
    }
    if (target == OffsetDateTime.class && value instanceof Instant) {
      return ((Instant) value).atOffset(ZoneOffset.UTC);
    }
    if (target == OffsetDateTime.class && value instanceof java.time.ZonedDateTime) {
      return ((java.time.ZonedDateTime) value).toOffsetDateTime();
    }
    return null;
  }
}
