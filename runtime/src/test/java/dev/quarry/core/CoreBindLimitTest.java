package dev.quarry.core;

import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.val;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Connection;
import dev.quarry.engine.ProgrammingException;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Column;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.Table;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Statements with more values than a database takes parameters: multi-row inserts, and the driver's own limit. */
class CoreBindLimitTest {
  /** Ten columns of the common types. */
  static final Table WIDE = Table.builder("wide")
      .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey())
      .column(ColumnSpec.of("name", SqlTypes.varchar(20)))
      .column(ColumnSpec.of("amount", SqlTypes.decimal(10, 2)))
      .column(ColumnSpec.of("flag", SqlTypes.BOOLEAN))
      .column(ColumnSpec.of("day", SqlTypes.DATE))
      .column(ColumnSpec.of("at", SqlTypes.TIMESTAMP))
      .column(ColumnSpec.of("ratio", SqlTypes.DOUBLE))
      .column(ColumnSpec.of("n1", SqlTypes.INTEGER))
      .column(ColumnSpec.of("n2", SqlTypes.INTEGER))
      .column(ColumnSpec.of("n3", SqlTypes.SMALLINT))
      .build();
  @SuppressWarnings("unchecked")
  static final NumberColumn<Long> ID = (NumberColumn<Long>) WIDE.column("id");
  @SuppressWarnings("unchecked")
  static final NumberColumn<Integer> N1 = (NumberColumn<Integer>) WIDE.column("n1");

  private static List<Object> row(long i) {
    return Arrays.asList(i, "row " + i, new BigDecimal(i % 1000).movePointLeft(2), i % 2 == 0,
        LocalDate.of(2024, 1, 1).plusDays(i % 365), LocalDateTime.of(2024, 5, 1, 13, 45).plusMinutes(i),
        i / 4.0, (int) i, i % 7 == 0 ? null : (int) (i * 2), (short) (i % 100));
  }

  @AllDatabases
  void tenThousandRowsOfTenColumnsInsertInOneCall(TestDatabase db) {
    Metadata.of(WIDE).createAll(db.engine());
    List<List<?>> rows = new ArrayList<>();
    for (long i = 1; i <= 10_000; i++) {
      rows.add(row(i));
    }
    try (Connection c = db.engine().connect()) {
      long inserted = c.executeUpdate(insertInto(WIDE).columns(WIDE.columns().toArray(new Column<?>[0])).rows(rows));
      assertEquals(10_000, inserted);
      assertEquals(10_000L, c.execute(select(count()).from(WIDE)).scalar(SqlTypes.BIGINT));
      assertEquals(50_005_000L, c.execute(select(ID.sum()).from(WIDE)).scalar(SqlTypes.BIGINT));
      var r = c.execute(select(WIDE).from(WIDE).where(ID.eq(4242L))).one();
      assertEquals(row(4242), WIDE.columns().stream().map(col -> (Object) r.get(col)).toList(),
          "every type came through as it went in");
      assertEquals(10_000 - 1428L, c.execute(select(count()).from(WIDE).where(WIDE.column("n2").isNotNull()))
          .scalar(SqlTypes.BIGINT), "nulls inside the column arrays stay NULL");
    }
  }

  @AllDatabases
  void theDriversOwnParameterLimitIsAProgrammingError(TestDatabase db) {
    if (db.vendor() != Vendor.POSTGRESQL) {
      return; // the others take this many parameters (SQLite as built by sqlite-jdbc, MariaDB's client-side prepare)
    }
    Metadata.of(WIDE).createAll(db.engine());
    List<List<?>> rows = new ArrayList<>();
    for (long i = 1; i <= 35_000; i++) {
      rows.add(List.of(i, val((int) i).plus(1))); // an expression in a row: no arrays, a parameter per value
    }
    try (Connection c = db.engine().connect()) {
      ProgrammingException e = assertThrows(ProgrammingException.class,
          () -> c.executeUpdate(insertInto(WIDE).columns(ID, N1).rows(rows)));
      assertTrue(e.getMessage().contains("65,535"), e.getMessage());
    }
  }
}
