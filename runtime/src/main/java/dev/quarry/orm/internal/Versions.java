package dev.quarry.orm.internal;

import dev.quarry.orm.OrmException;
import dev.quarry.types.SqlType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The one rule for optimistic-locking versions, used by every write path (the session's flush,
 * bulk inserts, the generated DAOs): the library owns the version. A new row starts at
 * {@link #initial} whatever the object held; each UPDATE writes {@link #next} of the version the
 * row was read with. Numbers count up from 1; timestamps take the clock, to the microsecond, and
 * are always later than the version they replace.
 */
public final class Versions {
  private Versions() {}

  /** The version a new row is inserted with. */
  public static Object initial(SqlType<?> type) {
    return next(type, null);
  }

  /** The version after {@code current} ({@code null}: a new row's). */
  public static Object next(SqlType<?> type, Object current) {
    Class<?> t = type.javaType();
    if (t == Integer.class) {
      return current == null ? 1 : (Integer) current + 1;
    } else if (t == Long.class) {
      return current == null ? 1L : (Long) current + 1;
    } else if (t == Short.class) {
      return (short) (current == null ? 1 : (Short) current + 1);
    } else if (t == Instant.class) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      return current != null && !now.isAfter((Instant) current) ? ((Instant) current).plus(1, ChronoUnit.MICROS) : now;
    } else if (t == LocalDateTime.class) {
      LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
      return current != null && !now.isAfter((LocalDateTime) current)
          ? ((LocalDateTime) current).plus(1, ChronoUnit.MICROS) : now;
    } else if (t == OffsetDateTime.class) {
      OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
      return current != null && !now.isAfter((OffsetDateTime) current)
          ? ((OffsetDateTime) current).plus(1, ChronoUnit.MICROS) : now;
    }
    throw new OrmException("unsupported version column type " + type
        + ": use int, long, short, Instant, LocalDateTime or OffsetDateTime");
  }
}
