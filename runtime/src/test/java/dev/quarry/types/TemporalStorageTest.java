package dev.quarry.types;

import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Connection;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.Table;
import dev.quarry.sql.TemporalColumn;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How dates and times are stored where the database has no temporal storage (SQLite): in SQLite's
 * own {@code datetime()} form by default, so that values written by hand, by {@code CURRENT_TIMESTAMP}
 * or by another program compare equal to Quarry's; in a pattern of the user's choosing per column
 * ({@link SqlType#withStorageFormat}) for existing data in another form.
 */
class TemporalStorageTest {
  static final class Events extends Table {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
    final TemporalColumn<LocalDateTime> at = temporalColumn(ColumnSpec.of("at", SqlTypes.TIMESTAMP));
    final TemporalColumn<LocalTime> time = temporalColumn(ColumnSpec.of("time_of_day", SqlTypes.TIME));
    final TemporalColumn<OffsetDateTime> stamped = temporalColumn(ColumnSpec.of("stamped", SqlTypes.TIMESTAMP_TZ));

    Events() {
      super(null, "events", null);
    }
  }

  /** Data written by another program as {@code 2020/03/04 05:06}. */
  static final class Legacy extends Table {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
    final TemporalColumn<LocalDateTime> at =
        temporalColumn(ColumnSpec.of("at", SqlTypes.TIMESTAMP.withStorageFormat("yyyy/MM/dd HH:mm")));
    final TemporalColumn<LocalDate> day =
        temporalColumn(ColumnSpec.of("day", SqlTypes.DATE.withStorageFormat("dd.MM.yyyy")));
    final TemporalColumn<Instant> seen =
        temporalColumn(ColumnSpec.of("seen", SqlTypes.INSTANT.withStorageFormat("yyyy-MM-dd'T'HH:mm:ss.SSSX")));

    Legacy() {
      super(null, "legacy", null);
    }
  }

  private static final Events E = new Events();
  private static final Legacy L = new Legacy();
  private static final LocalDateTime MIDNIGHT = LocalDateTime.of(2021, 1, 1, 0, 0);

  private static String stored(Connection c, String column, String table, long id) {
    return c.execute(RawSql.of("SELECT " + column + " FROM " + table + " WHERE id = ?", id)).scalar(SqlTypes.TEXT);
  }

  @AllDatabases(Kind.SQLITE)
  void writesSqliteDatetimeFormWithAFractionOnlyWhenNotZero(TestDatabase db) {
    Metadata.of(E).createAll(db.engine());
    try (Connection c = db.engine().connect()) {
      c.executeUpdate(insertInto(E).set(E.id, 1L).set(E.at, MIDNIGHT).set(E.time, LocalTime.of(9, 30))
          .set(E.stamped, OffsetDateTime.of(MIDNIGHT, ZoneOffset.ofHours(2))));
      c.executeUpdate(insertInto(E).set(E.id, 2L).set(E.at, MIDNIGHT.withNano(250_000_000))
          .set(E.time, LocalTime.of(9, 30, 1, 500_000_000)));
      assertEquals("2021-01-01 00:00:00", stored(c, "at", "events", 1));
      assertEquals("09:30:00", stored(c, "time_of_day", "events", 1));
      assertEquals("2020-12-31 22:00:00", stored(c, "stamped", "events", 1), "in UTC, as CURRENT_TIMESTAMP");
      assertEquals("2021-01-01 00:00:00.25", stored(c, "at", "events", 2));
      assertEquals("09:30:01.5", stored(c, "time_of_day", "events", 2));
      assertEquals("2021-01-01 00:00:00", c.execute(RawSql.of("SELECT datetime(at) FROM events WHERE id = 1"))
          .scalar(SqlTypes.TEXT), "the text SQLite's own datetime() gives");
      assertEquals(OffsetDateTime.of(MIDNIGHT, ZoneOffset.ofHours(2)).toInstant(),
          c.execute(select(E.stamped).from(E).where(E.id.eq(1L))).one().get(E.stamped).toInstant());
    }
  }

  @AllDatabases(Kind.SQLITE)
  void valuesWrittenByOthersAreFoundByEqualityAndRanges(TestDatabase db) {
    Metadata.of(E).createAll(db.engine());
    db.execute("INSERT INTO events (id, at) VALUES (1, '2021-01-01 00:00:00')",
        "INSERT INTO events (id, at) VALUES (2, '2021-01-01 12:30:00.5')",
        "INSERT INTO events (id, at) VALUES (3, '2021-01-02 00:00:00')",
        "INSERT INTO events (id, at) VALUES (4, '2020-12-31 23:59:59.999')",
        "INSERT INTO events (id, at) VALUES (5, CURRENT_TIMESTAMP)");
    try (Connection c = db.engine().connect()) {
      assertEquals(List.of(1L), c.execute(select(E.id).from(E).where(E.at.eq(MIDNIGHT))).map(r -> r.get(E.id)));
      assertEquals(List.of(1L, 2L), c.execute(select(E.id).from(E)
          .where(E.at.ge(MIDNIGHT).and(E.at.lt(MIDNIGHT.plusDays(1)))).orderBy(E.at)).map(r -> r.get(E.id)),
          "a range starting at midnight keeps the midnight row");
      assertEquals(List.of(2L), c.execute(select(E.id).from(E)
          .where(E.at.eq(LocalDateTime.of(2021, 1, 1, 12, 30, 0, 500_000_000)))).map(r -> r.get(E.id)));
      assertEquals(List.of(4L, 1L, 2L, 3L), c.execute(select(E.id).from(E).where(E.id.lt(5L)).orderBy(E.at))
          .map(r -> r.get(E.id)), "text order is time order with and without fractions");
      LocalDateTime now = c.execute(select(E.at).from(E).where(E.id.eq(5L))).one().get(E.at);
      assertEquals(List.of(5L), c.execute(select(E.id).from(E).where(E.at.eq(now))).map(r -> r.get(E.id)),
          "a CURRENT_TIMESTAMP value read back finds its row");
    }
  }

  @AllDatabases(Kind.SQLITE)
  void columnsHoldingMixedFormatsReadButCompareAsText(TestDatabase db) {
    Metadata.of(E).createAll(db.engine());
    db.execute("INSERT INTO events (id, at) VALUES (1, '2021-01-01 00:00:00.000000')",
        "INSERT INTO events (id, at) VALUES (2, '2021-01-01T00:00:00')");
    try (Connection c = db.engine().connect()) {
      assertEquals(List.of(MIDNIGHT, MIDNIGHT), c.execute(select(E.at).from(E).orderBy(E.id)).map(r -> r.get(E.at)),
          "every ISO-8601 form reads");
      assertEquals(List.of(), c.execute(select(E.id).from(E).where(E.at.eq(MIDNIGHT))).map(r -> r.get(E.id)),
          "but SQLite compares text: neither equals 2021-01-01 00:00:00 (docs/mapping-types.md)");
    }
  }

  @AllDatabases(Kind.SQLITE)
  void aStorageFormatReadsAndWritesExistingData(TestDatabase db) {
    Metadata.of(L).createAll(db.engine());
    db.execute("INSERT INTO legacy (id, at, day, seen) VALUES (1, '2020/03/04 05:06', '07.08.2019',"
        + " '2020-03-04T05:06:07.890Z')");
    try (Connection c = db.engine().connect()) {
      LocalDateTime at = LocalDateTime.of(2020, 3, 4, 5, 6);
      assertEquals(List.of(1L), c.execute(select(L.id).from(L).where(L.at.eq(at))).map(r -> r.get(L.id)));
      assertEquals(List.of(1L), c.execute(select(L.id).from(L).where(L.day.eq(LocalDate.of(2019, 8, 7))))
          .map(r -> r.get(L.id)));
      assertEquals(Instant.parse("2020-03-04T05:06:07.890Z"),
          c.execute(select(L.seen).from(L).where(L.id.eq(1L))).one().get(L.seen));
      c.executeUpdate(insertInto(L).set(L.id, 2L).set(L.at, at.plusYears(1)).set(L.day, LocalDate.of(2001, 2, 3))
          .set(L.seen, OffsetDateTime.parse("2021-01-01T02:00:00.5+02:00").toInstant()));
      assertEquals("2021/03/04 05:06", stored(c, "at", "legacy", 2));
      assertEquals("03.02.2001", stored(c, "day", "legacy", 2));
      assertEquals("2021-01-01T00:00:00.500Z", stored(c, "seen", "legacy", 2));
      assertEquals(at.plusYears(1), c.execute(select(L.at).from(L).where(L.id.eq(2L))).one().get(L.at));
    }
  }

  @AllDatabases
  void aStorageFormatIsIgnoredWhereTheDatabaseHasTemporalTypes(TestDatabase db) {
    Metadata.of(L).createAll(db.engine());
    LocalDateTime at = LocalDateTime.of(2020, 3, 4, 5, 6);
    Instant seen = Instant.parse("2020-03-04T05:06:07.890Z");
    try (Connection c = db.engine().connect()) {
      c.executeUpdate(insertInto(L).set(L.id, 1L).set(L.at, at).set(L.day, LocalDate.of(2019, 8, 7)).set(L.seen, seen));
      var row = c.execute(select(L.at, L.day, L.seen).from(L).where(L.at.eq(at))).one();
      assertEquals(at, row.get(L.at));
      assertEquals(LocalDate.of(2019, 8, 7), row.get(L.day));
      assertEquals(seen, row.get(L.seen));
    }
  }

  @AllDatabases(Kind.SQLITE)
  void aValueInNeitherFormatIsNamedWhenRead(TestDatabase db) {
    Metadata.of(L).createAll(db.engine());
    db.execute("INSERT INTO legacy (id, at) VALUES (1, 'yesterday')");
    try (Connection c = db.engine().connect()) {
      RuntimeException e = assertThrows(RuntimeException.class,
          () -> c.execute(select(L.at).from(L)).one().get(L.at));
      assertTrue(String.valueOf(e.getMessage()).contains("yesterday") || String.valueOf(e.getCause()).contains("yesterday"),
          String.valueOf(e));
    }
  }

  @org.junit.jupiter.api.Test
  void aPatternThatCannotHoldTheValueIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SqlTypes.TIMESTAMP.withStorageFormat("yyyy-MM-dd"));
    assertTrue(e.getMessage().contains("\"yyyy-MM-dd\" cannot store a LocalDateTime"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SqlTypes.DATE.withStorageFormat("yyyy-MM-dd {"));
    UnsupportedOperationException notTemporal = assertThrows(UnsupportedOperationException.class,
        () -> SqlTypes.VARCHAR.withStorageFormat("yyyy"));
    assertTrue(notTemporal.getMessage().contains("not a date or time type"), notTemporal.getMessage());
    assertEquals(SqlTypes.DATE.withStorageFormat("dd.MM.yyyy"), SqlTypes.DATE.withStorageFormat("dd.MM.yyyy"));
    assertTrue(!SqlTypes.DATE.equals(SqlTypes.DATE.withStorageFormat("dd.MM.yyyy"))
        && !SqlTypes.DATE.withStorageFormat("dd.MM.yyyy").equals(SqlTypes.DATE));
  }
}
