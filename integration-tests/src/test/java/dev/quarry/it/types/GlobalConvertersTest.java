package dev.quarry.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.List;

/**
 * Converters registered once for a type: {@code @AutoApply} (Temperature, Priority) and
 * {@code @Converters} on the package (Isbn, as a library's converter). A property's own
 * {@code @Convert} wins; {@code @Enumerated} opts an enum out. Predicates bind the stored form.
 */
class GlobalConvertersTest {
  private static final QReading R = QReading.reading;

  @AllDatabases
  void globalConvertersApplyWithoutConvertAndConvertWins(TestDatabase db) {
    ReadingDao dao = new ReadingDao(Stored.create(db, R));
    Reading r = new Reading(100, "978-0131103627", Priority.HIGH, Weather.SUNNY);
    dao.insert(r);
    String where = " FROM type_readings WHERE id = " + r.id;
    assertEquals(100.0, Double.parseDouble(Stored.text(db, "SELECT celsius" + where)), "global: Celsius");
    assertEquals(212.0, Double.parseDouble(Stored.text(db, "SELECT fahrenheit" + where)), "@Convert: Fahrenheit");
    assertEquals("9780131103627", Stored.text(db, "SELECT isbn" + where), "@Converters: digits only");
    assertEquals("H", Stored.text(db, "SELECT priority" + where), "global enum converter: code");
    assertEquals("HIGH", Stored.text(db, "SELECT priority_by_name" + where), "@Enumerated opts out: name");

    Reading loaded = dao.findById(r.id).orElseThrow();
    assertEquals(new Temperature(100), loaded.celsius);
    assertEquals(100.0, loaded.fahrenheit.celsius(), 1e-9);
    assertEquals(new Isbn("978-0131103627"), loaded.isbn);
    assertEquals(Priority.HIGH, loaded.priority);
    assertEquals(Priority.HIGH, loaded.priorityByName);
  }

  @AllDatabases
  void predicatesBindTheConvertedValue(TestDatabase db) {
    ReadingDao dao = new ReadingDao(Stored.create(db, R));
    dao.insertAll(List.of(new Reading(21.5, "978-0000000001", Priority.LOW, Weather.SUNNY),
        new Reading(-4, "978-0000000002", Priority.HIGH, Weather.RAINY),
        new Reading(37, "978-0000000003", Priority.MEDIUM, Weather.CLOUDY)));
    assertEquals(List.of(21.5), celsius(dao.findBy(R.celsius.eq(new Temperature(21.5)))));
    // 37 °C is stored as 98.6 °F: the property's own converter makes the parameter too.
    assertEquals(List.of(37.0), celsius(dao.findBy(R.fahrenheit.eq(new Temperature(37)))));
    assertEquals(List.of(-4.0), celsius(dao.findBy(R.isbn.eq(new Isbn("978-0000000002")))));
    assertEquals(List.of(-4.0), celsius(dao.findBy(R.priority.eq(Priority.HIGH))));
    assertEquals(List.of(21.5, 37.0), celsius(dao.findBy(R.priority.in(Priority.LOW, Priority.MEDIUM))));
    assertEquals(List.of(-4.0), celsius(dao.findBy(R.priorityByName.eq(Priority.HIGH))));
    assertEquals(2, dao.count(R.celsius.in(new Temperature(21.5), new Temperature(37))));
  }

  @AllDatabases
  void nullsStayNull(TestDatabase db) {
    ReadingDao dao = new ReadingDao(Stored.create(db, R));
    Reading empty = new Reading();
    dao.insert(empty);
    Reading loaded = dao.findById(empty.id).orElseThrow();
    assertNull(loaded.celsius);
    assertNull(loaded.fahrenheit);
    assertNull(loaded.isbn);
    assertNull(loaded.priority);
    assertEquals(1, dao.count(R.celsius.isNull().and(R.priority.isNull()).and(R.isbn.isNull())));
  }

  private static List<Double> celsius(List<Reading> readings) {
    return readings.stream().map(r -> Math.round(r.celsius.celsius() * 1e6) / 1e6).sorted().toList();
  }
}
