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
import dev.quarry.engine.UniqueViolationException;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Column;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.Table;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
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

  /** Rows holding expressions cannot go as column arrays: the insert is split into inserts of fewer rows. */
  private static List<List<?>> expressionRows(int count, long duplicateLast) {
    List<List<?>> rows = new ArrayList<>();
    for (long i = 1; i <= count; i++) {
      rows.add(List.of(i == count && duplicateLast > 0 ? duplicateLast : i, val((int) i).plus(1)));
    }
    return rows;
  }

  @AllDatabases
  void rowsThatCannotGoAsArraysAreInsertedInSeveralStatements(TestDatabase db) {
    Metadata.of(WIDE).createAll(db.engine());
    try (Connection c = db.engine().connect()) {
      // 12,000 rows of three parameters: above PostgreSQL's and SQLite's limits, two statements there.
      assertEquals(12_000, c.executeUpdate(insertInto(WIDE).columns(ID, N1).rows(expressionRows(12_000, 0))));
      assertEquals(12_000L, c.execute(select(count()).from(WIDE)).scalar(SqlTypes.BIGINT));
      assertEquals(12_000L * 12_001 / 2 + 12_000, c.execute(select(N1.sum()).from(WIDE)).scalar(SqlTypes.BIGINT));
    }
  }

  @AllDatabases
  void anInsertSplitIntoStatementsChangesAllRowsOrNone(TestDatabase db) {
    Metadata.of(WIDE).createAll(db.engine());
    try (Connection c = db.engine().connect()) {
      // The last row repeats key 1: the failure comes in the last statement, after the others ran.
      assertThrows(UniqueViolationException.class,
          () -> c.executeUpdate(insertInto(WIDE).columns(ID, N1).rows(expressionRows(12_000, 1))));
      assertEquals(0L, c.execute(select(count()).from(WIDE)).scalar(SqlTypes.BIGINT), "without a transaction");
      c.inTransaction(tx -> {
        c.executeUpdate(insertInto(WIDE).set(ID, 100_000L).set(N1, 1));
        assertThrows(UniqueViolationException.class,
            () -> c.executeUpdate(insertInto(WIDE).columns(ID, N1).rows(expressionRows(12_000, 1))));
        return null;
      });
      assertEquals(1L, c.execute(select(count()).from(WIDE)).scalar(SqlTypes.BIGINT),
          "inside a transaction: the split insert rolled back to its savepoint, the earlier row kept");
    }
  }

  @AllDatabases
  void theDriversOwnParameterLimitIsAProgrammingError(TestDatabase db) {
    if (db.vendor() != Vendor.POSTGRESQL) {
      return; // the others take this many parameters (SQLite as built by sqlite-jdbc, MariaDB's client-side prepare)
    }
    Object[] values = new Object[70_000];
    Arrays.fill(values, 1);
    String sql = "SELECT 1 WHERE 1 IN (?" + ", ?".repeat(values.length - 1) + ")";
    try (Connection c = db.engine().connect()) {
      ProgrammingException e = assertThrows(ProgrammingException.class, () -> c.execute(RawSql.of(sql, values)).scalar());
      assertTrue(e.getMessage().contains("65,535"), e.getMessage());
    }
  }
}
