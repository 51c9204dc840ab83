package dev.quarry.core;

import static dev.quarry.core.CoreTables.USERS;
import static dev.quarry.sql.Sql.caseWhen;
import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.dateTrunc;
import static dev.quarry.sql.Sql.day;
import static dev.quarry.sql.Sql.function;
import static dev.quarry.sql.Sql.hour;
import static dev.quarry.sql.Sql.inline;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.month;
import static dev.quarry.sql.Sql.second;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.val;
import static dev.quarry.sql.Sql.year;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.core.CoreTables.Users;
import dev.quarry.engine.Connection;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.ComparableExpression;
import dev.quarry.sql.DatePart;
import dev.quarry.sql.Expression;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.NumberExpression;
import dev.quarry.sql.StringExpression;
import dev.quarry.sql.Table;
import dev.quarry.sql.TemporalColumn;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Expressions PostgreSQL and H2 used to refuse, date parts and typed CASE results, run on every database. */
class CoreAcceptedExpressionsTest {
  private static final Users u = USERS;

  /** events: a date-time and a date per row. */
  static final class Events extends Table {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
    final TemporalColumn<LocalDateTime> at = temporalColumn(ColumnSpec.of("at", SqlTypes.TIMESTAMP).notNull());
    final TemporalColumn<LocalDate> day = temporalColumn(ColumnSpec.of("day", SqlTypes.DATE).notNull());

    Events() {
      super(null, "events", null);
    }
  }

  private static final Events e = new Events();

  private static void seedEvents(TestDatabase db) {
    Metadata.of(e).createAll(db.engine());
    try (Connection c = db.engine().connect()) {
      c.executeUpdate(insertInto(e).columns(e.id, e.at, e.day)
          .values(1L, LocalDateTime.of(2024, 5, 1, 13, 45, 30), LocalDate.of(2024, 5, 1))
          .values(2L, LocalDateTime.of(2024, 5, 20, 8, 0), LocalDate.of(2024, 5, 20))
          .values(3L, LocalDateTime.of(2023, 12, 31, 23, 59, 59), LocalDate.of(2023, 12, 31)));
    }
  }

  @AllDatabases
  void groupByACaseWithStringResultsAndAFunctionWithALiteralArgument(TestDatabase db) {
    CoreTables.seed(db);
    StringExpression bucket = caseWhen(u.age.lt(18), "minor").otherwise("adult");
    Expression<String> initial = function("substr", SqlTypes.TEXT, u.name, val(1), val(1));
    try (Connection c = db.engine().connect()) {
      assertEquals(List.of("adult=3", "minor=1"), c.execute(select(bucket, count()).from(u).groupBy(bucket)
          .orderBy(bucket.asc())).fetchAll().stream().map(r -> r.get(bucket) + "=" + r.get(1)).toList());
      assertEquals(List.of("p=1", "s=3"), c.execute(select(initial, count()).from(u).groupBy(initial)
          .orderBy(initial.asc())).fetchAll().stream().map(r -> r.get(initial) + "=" + r.get(1)).toList());
      StringExpression chosen = caseWhen(u.age.lt(inline(18)), inline("minor")).otherwise(inline("adult"));
      assertEquals(List.of("adult=3", "minor=1"), c.execute(select(chosen, count()).from(u).groupBy(chosen)
          .orderBy(chosen.asc())).fetchAll().stream().map(r -> r.get(chosen) + "=" + r.get(1)).toList(),
          "values the user chose to inline repeat as the same text");
    }
  }

  @AllDatabases
  void sumOfACaseOfBoundValuesAndTypedCaseResults(TestDatabase db) {
    CoreTables.seed(db);
    NumberExpression<Integer> adult = caseWhen(u.age.gt(17), 1).otherwise(0);
    NumberExpression<Integer> points = caseWhen(u.age.isNull(), 0).otherwise(u.age).times(2);
    try (Connection c = db.engine().connect()) {
      assertEquals(2, c.execute(select(adult.sum()).from(u)).scalar(SqlTypes.INTEGER).intValue());
      assertEquals(160, c.execute(select(points.sum()).from(u)).scalar(SqlTypes.INTEGER).intValue());
      assertEquals(List.of("spongebob"), c.execute(select(u.name).from(u)
          .where(caseWhen(u.age.isNull(), 99).otherwise(u.age).lt(18))).fetchAll().stream().map(r -> r.get(u.name))
          .toList(), "a CASE compares");
      assertEquals(3L, c.execute(select(count()).from(u).where(u.age.castToString(SqlTypes.varchar(10)).isNotNull()))
          .scalar(SqlTypes.BIGINT));
    }
  }

  @AllDatabases
  void extractAndDateTruncOnEveryDatabase(TestDatabase db) {
    seedEvents(db);
    NumberExpression<Integer> y = year(e.at);
    try (Connection c = db.engine().connect()) {
      assertEquals(List.of("2023=1", "2024=2"), c.execute(select(y, count()).from(e).groupBy(y).orderBy(y.asc()))
          .fetchAll().stream().map(r -> r.get(y) + "=" + r.get(1)).toList());
      var first = c.execute(select(month(e.at).plus(100), day(e.at), hour(e.at), second(e.at), year(e.day),
          month(e.day)).from(e).where(e.id.eq(1L))).one();
      assertEquals(List.of(105, 1, 13, 30, 2024, 5), List.of(first.get(0), first.get(1), first.get(2), first.get(3),
          first.get(4), first.get(5)));
      ComparableExpression<LocalDateTime> monthStart = dateTrunc(DatePart.MONTH, e.at);
      assertEquals(List.of(LocalDateTime.of(2023, 12, 1, 0, 0), LocalDateTime.of(2024, 5, 1, 0, 0)),
          c.execute(select(monthStart).from(e).groupBy(monthStart).orderBy(monthStart.asc())).fetchAll().stream()
              .map(r -> r.get(monthStart)).toList());
      assertEquals(1L, c.execute(select(count()).from(e)
          .where(dateTrunc(DatePart.HOUR, e.at).eq(LocalDateTime.of(2024, 5, 1, 13, 0)))).scalar(SqlTypes.BIGINT),
          "a truncated value equals a bound one");
      assertEquals(LocalDate.of(2023, 1, 1), c.execute(select(dateTrunc(DatePart.YEAR, e.day)).from(e)
          .where(e.id.eq(3L))).scalar(SqlTypes.DATE));
    }
  }
}
