package dev.quarry.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.List;

/** Enums by name (the default) and by {@code @Enumerated(ORDINAL)}: storage, predicates, nulls. */
class EnumsTest {
  private static final QReading R = QReading.reading;

  @AllDatabases
  void storedByNameAndByOrdinal(TestDatabase db) {
    ReadingDao dao = new ReadingDao(Stored.create(db, R));
    Reading r = new Reading(1, null, Priority.LOW, Weather.GRÉSIL);
    dao.insert(r);
    String where = " FROM type_readings WHERE id = " + r.id;
    assertEquals("GRÉSIL", Stored.text(db, "SELECT weather" + where));
    assertEquals(3, Integer.parseInt(Stored.text(db, "SELECT weather_by_ordinal" + where)));
    Reading loaded = dao.findById(r.id).orElseThrow();
    assertEquals(Weather.GRÉSIL, loaded.weather);
    assertEquals(Weather.GRÉSIL, loaded.weatherByOrdinal);
  }

  @AllDatabases
  void predicatesBindTheStoredRepresentation(TestDatabase db) {
    ReadingDao dao = new ReadingDao(Stored.create(db, R));
    dao.insertAll(List.of(new Reading(1, null, null, Weather.SUNNY), new Reading(2, null, null, Weather.RAINY),
        new Reading(3, null, null, Weather.RAINY), new Reading(4, null, null, null)));
    assertEquals(List.of(2.0, 3.0), celsius(dao.findBy(R.weather.eq(Weather.RAINY))));
    assertEquals(List.of(2.0, 3.0), celsius(dao.findBy(R.weatherByOrdinal.eq(Weather.RAINY))));
    assertEquals(List.of(1.0), celsius(dao.findBy(R.weatherByOrdinal.ne(Weather.RAINY))));
    assertEquals(List.of(1.0, 2.0, 3.0), celsius(dao.findBy(R.weather.in(Weather.SUNNY, Weather.RAINY))));
    assertEquals(List.of(1.0, 2.0, 3.0), celsius(dao.findBy(R.weatherByOrdinal.in(Weather.SUNNY, Weather.RAINY))));
    assertEquals(List.of(4.0), celsius(dao.findBy(R.weather.isNull())));
    assertEquals(List.of(4.0), celsius(dao.findBy(R.weatherByOrdinal.eq((Weather) null))));
    // The ordinal column orders by declaration order, the name column alphabetically.
    assertEquals(List.of(1.0), celsius(dao.findBy(R.weatherByOrdinal.lt(Weather.CLOUDY))));

    Reading nothing = dao.findBy(R.weather.isNull()).get(0);
    assertNull(nothing.weather);
    assertNull(nothing.weatherByOrdinal);
  }

  private static List<Double> celsius(List<Reading> readings) {
    return readings.stream().map(r -> r.celsius.celsius()).sorted().toList();
  }
}
