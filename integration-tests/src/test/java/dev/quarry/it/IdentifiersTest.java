package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.CheckViolationException;
import dev.quarry.engine.Engine;
import dev.quarry.engine.Row;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import java.util.List;

/**
 * Names as SQLAlchemy writes them: plain lower-case names unquoted, so hand-written SQL, checks and
 * server defaults name them plainly on every database (H2 included, which upper-cases unquoted
 * names); reserved words and other names quoted, so they still work.
 */
class IdentifiersTest {
  private static final QBooking B = QBooking.booking;

  @AllDatabases
  void reservedAndMixedCaseNamesRoundTrip(TestDatabase db) {
    Engine engine = Databases.create(db, B);
    BookingDao dao = new BookingDao(engine);
    Booking b = dao.insert(new Booking("k1", 10, 2, "First Row"));
    assertEquals("open", b.status, "the server default, written as plain SQL, is read back");
    Booking found = dao.findOneBy(B.key.eq("k1").and(B.value.gt(5))).orElseThrow();
    assertEquals("First Row", found.displayName);
    found.seats = 3;
    found.displayName = "Renamed";
    dao.update(found);
    assertEquals(List.of("Renamed"), dao.findBy(B.seats.eq(3)).stream().map(x -> x.displayName).toList());
    assertTrue(dao.delete(found));
    assertEquals(0, dao.count());
  }

  @AllDatabases
  void handWrittenSqlNamesPlainColumnsPlainly(TestDatabase db) {
    Engine engine = Databases.create(db, B);
    new BookingDao(engine).insertAll(List.of(new Booking("a", 1, 4, "A"), new Booking("b", 2, 1, "B")));
    // Only the reserved table name needs quotes; db.quoted writes them as this database quotes.
    List<Row> rows = engine.withConnection(c -> c.execute(Sql.text(db.quoted(
        "SELECT seats, status FROM \"group\" WHERE seats > :min ORDER BY seats")).bind("min", 1)).fetchAll());
    assertEquals(1, rows.size());
    assertEquals(4, ((Number) rows.get(0).get(0)).intValue());
    assertEquals("open", rows.get(0).get(1));
  }

  @AllDatabases
  void aCheckWrittenPlainlyIsEnforcedAndNamed(TestDatabase db) {
    Engine engine = Databases.create(db, B);
    CheckViolationException e = assertThrows(CheckViolationException.class,
        () -> new BookingDao(engine).insert(new Booking("k", 1, 0, "none")));
    if (db.vendor() != Vendor.SQLITE || e.constraintName() != null) {
      assertEquals("ck_group_seats", e.constraintName(), e.getMessage());
    }
  }
}
