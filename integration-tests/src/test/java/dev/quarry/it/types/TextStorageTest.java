package dev.quarry.it.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.engine.ValueTooLongException;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What SQLite keeps as text behaves as elsewhere: date-times in SQLite's own form or in a column's
 * {@code @Column(storageFormat)}, found by equality; a string longer than its column is refused.
 */
class TextStorageTest {
  private static final QAppointment A = QAppointment.appointment;
  private static final LocalDateTime NINE = LocalDateTime.of(2024, 5, 1, 9, 0);

  @AllDatabases
  void dateTimesAreStoredInTheirFormatAndFoundByEquality(TestDatabase db) {
    AppointmentDao dao = new AppointmentDao(Stored.create(db, A));
    dao.insert(new Appointment(1, NINE, NINE.plusMinutes(30), "A1"));
    if (db.vendor() == Vendor.SQLITE) {
      assertEquals("2024/05/01 09:00", Stored.text(db, "SELECT starts_at FROM type_appointments"));
      assertEquals("2024-05-01 09:30:00", Stored.text(db, "SELECT ends_at FROM type_appointments"));
      // Rows another program wrote in the same forms.
      db.execute("INSERT INTO type_appointments (id, starts_at, ends_at) VALUES (2, '2024/05/02 09:00',"
          + " '2024-05-02 10:00:00')");
    } else {
      dao.insert(new Appointment(2, NINE.plusDays(1), NINE.plusDays(1).plusHours(1), null));
    }
    assertEquals(List.of(2L), ids(dao.findBy(A.startsAt.eq(NINE.plusDays(1)))));
    assertEquals(List.of(2L), ids(dao.findBy(A.endsAt.eq(NINE.plusDays(1).plusHours(1)))));
    assertEquals(List.of(1L, 2L), ids(dao.findBy(A.endsAt.ge(NINE.plusMinutes(30)))));
    assertEquals(NINE.plusDays(1), dao.findById(2L).orElseThrow().startsAt);
  }

  @AllDatabases
  void aStringLongerThanItsColumnIsRefused(TestDatabase db) {
    AppointmentDao dao = new AppointmentDao(Stored.create(db, A));
    dao.insert(new Appointment(1, NINE, NINE, "12345"));
    assertThrows(ValueTooLongException.class, () -> dao.insert(new Appointment(2, NINE, NINE, "123456")));
    assertEquals(List.of(1L), ids(dao.findAll()));
  }

  private static List<Long> ids(List<Appointment> appointments) {
    return appointments.stream().map(a -> a.id).sorted().toList();
  }
}
