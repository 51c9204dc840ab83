package dev.quarry.sql;

import static dev.quarry.sql.Rendering.assertSql;
import static dev.quarry.sql.Sql.caseWhen;
import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.dateTrunc;
import static dev.quarry.sql.Sql.extract;
import static dev.quarry.sql.Sql.function;
import static dev.quarry.sql.Sql.inline;
import static dev.quarry.sql.Sql.month;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.val;
import static dev.quarry.sql.Sql.year;
import static dev.quarry.types.Vendor.H2;
import static dev.quarry.types.Vendor.MARIADB;
import static dev.quarry.types.Vendor.MYSQL;
import static dev.quarry.types.Vendor.POSTGRESQL;
import static dev.quarry.types.Vendor.SQLITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.types.SqlTypes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Expressions rendered so the databases accept them: GROUP BY of bound values, inline literals, H2 casts, date parts. */
class AcceptedExpressionsRenderingTest {
  final Users u = Users.USERS;

  @Test
  void groupByAndOrderByOfAnExpressionWithValuesReferToTheSelectItem() {
    StringExpression bucket = caseWhen(u.age.lt(18), "minor").otherwise("adult");
    Select q = select(bucket, count()).from(u).groupBy(bucket).orderBy(bucket.desc());
    assertSql(q, POSTGRESQL, "SELECT CASE WHEN users.age < ? THEN ? ELSE ? END AS expr1, COUNT(*) AS expr2"
        + " FROM users GROUP BY 1 ORDER BY 1 DESC", 18, "minor", "adult");
    assertSql(q, H2, "SELECT CASE WHEN users.age < ? THEN CAST(? AS CHARACTER VARYING) ELSE CAST(? AS CHARACTER"
        + " VARYING) END AS expr1, COUNT(*) AS expr2 FROM users GROUP BY expr1 ORDER BY expr1 DESC",
        18, "minor", "adult");
    assertSql(q, SQLITE, "SELECT CASE WHEN users.age < ? THEN ? ELSE ? END AS expr1, COUNT(*) AS expr2"
        + " FROM users GROUP BY CASE WHEN users.age < ? THEN ? ELSE ? END ORDER BY CASE WHEN users.age"
        + " < ? THEN ? ELSE ? END DESC", 18, "minor", "adult", 18, "minor", "adult", 18, "minor", "adult");
    Expression<String> prefix = function("substr", SqlTypes.TEXT, u.name, val(1), val(2)).as("p");
    assertSql(select(prefix, count()).from(u).groupBy(prefix), H2,
        "SELECT substr(users.name, ?, ?) AS p, COUNT(*) AS expr2 FROM users GROUP BY p", 1, 2);
    assertSql(select(prefix, count()).from(u).groupBy(prefix), POSTGRESQL,
        "SELECT substr(users.name, ?, ?) AS p, COUNT(*) AS expr2 FROM users GROUP BY 1", 1, 2);
    assertSql(select(u.name, count()).from(u).groupBy(u.name), POSTGRESQL,
        "SELECT users.name, COUNT(*) AS expr2 FROM users GROUP BY users.name");
  }

  @Test
  void aGroupByExpressionWithOtherValuesThanTheSelectItemIsNotAReference() {
    StringExpression selected = caseWhen(u.age.lt(18), "minor").otherwise("adult");
    StringExpression grouped = caseWhen(u.age.lt(21), "minor").otherwise("adult");
    assertSql(select(selected).from(u).groupBy(grouped), POSTGRESQL, "SELECT CASE WHEN users.age < ? THEN ? ELSE ?"
        + " END AS expr1 FROM users GROUP BY CASE WHEN users.age < ? THEN ? ELSE ? END",
        18, "minor", "adult", 21, "minor", "adult");
    // the same shape as the first statement of the test above: the render cache must not hand out its SQL
    assertSql(select(grouped).from(u).groupBy(grouped), POSTGRESQL, "SELECT CASE WHEN users.age < ? THEN ? ELSE ?"
        + " END AS expr1 FROM users GROUP BY 1", 21, "minor", "adult");
  }

  @Test
  void inlineWritesEscapedLiteralsPerDialect() {
    assertSql(select(inline("it's"), inline(42), inline(new BigDecimal("1.50")), inline(true)).from(u), POSTGRESQL,
        "SELECT 'it''s' AS expr1, 42 AS expr2, 1.50 AS expr3, TRUE AS expr4 FROM users");
    assertSql(select(inline("a\\'b")).from(u), MARIADB, "SELECT 'a\\\\''b' AS expr1 FROM users");
    assertSql(select(inline("a\\'b")).from(u), MYSQL, "SELECT 'a\\\\''b' AS expr1 FROM users");
    assertSql(select(inline("a\\'b")).from(u), POSTGRESQL, "SELECT 'a\\''b' AS expr1 FROM users");
    assertSql(select(inline(true), inline(LocalDate.of(2024, 5, 1)), inline(LocalDateTime.of(2024, 5, 1, 13, 45)))
        .from(u), SQLITE, "SELECT 1 AS expr1, '2024-05-01' AS expr2, '2024-05-01 13:45:00' AS expr3"
        + " FROM users");
    assertSql(select(inline(LocalDate.of(2024, 5, 1)), inline(LocalTime.of(9, 5))).from(u), H2,
        "SELECT DATE '2024-05-01' AS expr1, TIME '09:05:00' AS expr2 FROM users");
    NumberExpression<Integer> doubled = inline(2).times(u.age);
    assertSql(select(doubled).from(u), POSTGRESQL, "SELECT (2 * users.age) AS expr1 FROM users");
    assertThrows(IllegalArgumentException.class, () -> inline(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> inline("nul\0"));
  }

  @Test
  void inlinedValuesArePartOfTheCachedShape() {
    String one = select(u.name).from(u).where(u.name.eq(inline("a"))).compile(POSTGRESQL).sql();
    String two = select(u.name).from(u).where(u.name.eq(inline("b"))).compile(POSTGRESQL).sql();
    assertEquals("SELECT users.name FROM users WHERE users.name = 'a'", one);
    assertEquals("SELECT users.name FROM users WHERE users.name = 'b'", two);
    assertNotEquals(inline(1L), inline(1), "1 and 1L are different literals' shapes");
    assertEquals(inline("x"), inline("x"));
  }

  @Test
  void h2CastsBoundCaseResultsSoAnAggregateCanTypeThem() {
    NumberExpression<Integer> flag = caseWhen(u.age.gt(17), 1).otherwise(0);
    assertSql(select(flag.sum()).from(u), H2, "SELECT SUM(CASE WHEN users.age > ? THEN CAST(? AS INTEGER) ELSE"
        + " CAST(? AS INTEGER) END) AS expr1 FROM users", 17, 1, 0);
    assertSql(select(flag.sum()).from(u), POSTGRESQL, "SELECT SUM(CASE WHEN users.age > ? THEN ? ELSE ? END) AS"
        + " expr1 FROM users", 17, 1, 0);
    NumberExpression<Long> wide = caseWhen(u.age.gt(17), 1L).otherwise(0L);
    assertSql(select(wide.sum()).from(u), H2, "SELECT SUM(CASE WHEN users.age > ? THEN CAST(? AS BIGINT) ELSE"
        + " CAST(? AS BIGINT) END) AS expr1 FROM users", 17, 1L, 0L);
  }

  @Test
  void extractAndDateTruncPerDialect() {
    Select q = select(year(u.created), month(u.created).plus(1), dateTrunc(DatePart.MONTH, u.created)).from(u);
    assertSql(q, POSTGRESQL, "SELECT CAST(EXTRACT(YEAR FROM users.created) AS INTEGER) AS expr1, (CAST(EXTRACT("
        + "MONTH FROM users.created) AS INTEGER) + ?) AS expr2, date_trunc('month', users.created) AS"
        + " expr3 FROM users", 1);
    assertSql(q, H2, "SELECT EXTRACT(YEAR FROM users.created) AS expr1, (EXTRACT(MONTH FROM"
        + " users.created) + ?) AS expr2, DATE_TRUNC('MONTH', users.created) AS expr3 FROM"
        + " users", 1);
    assertSql(q, SQLITE, "SELECT CAST(strftime('%Y', users.created) AS INTEGER) AS expr1,"
        + " (CAST(strftime('%m', users.created) AS INTEGER) + ?) AS expr2, strftime('%Y-%m-01"
        + " 00:00:00', users.created) AS expr3 FROM users", 1);
    assertSql(q, MARIADB, "SELECT EXTRACT(YEAR FROM users.created) AS expr1, (EXTRACT(MONTH FROM"
        + " users.created) + ?) AS expr2, CAST(DATE_FORMAT(users.created, '%Y-%m-01 00:00:00') AS DATETIME)"
        + " AS expr3 FROM users", 1);
    assertSql(select(dateTrunc(DatePart.MINUTE, u.created), extract(DatePart.SECOND, u.created)).from(u), MYSQL,
        "SELECT CAST(DATE_FORMAT(users.created, '%Y-%m-%d %H:%i:00') AS DATETIME) AS expr1, EXTRACT(SECOND FROM"
            + " users.created) AS expr2 FROM users");
    assertSql(select(extract(DatePart.SECOND, u.created)).from(u), POSTGRESQL,
        "SELECT CAST(FLOOR(EXTRACT(SECOND FROM users.created)) AS INTEGER) AS expr1 FROM users");
    assertEquals(SqlTypes.INTEGER, year(u.created).type());
    assertEquals(SqlTypes.TIMESTAMP, dateTrunc(DatePart.DAY, u.created).type());
    assertThrows(IllegalArgumentException.class, () -> year(u.name));
    assertThrows(IllegalArgumentException.class, () -> dateTrunc(DatePart.HOUR, Sql.val(LocalDate.of(2024, 1, 1))));
  }

  @Test
  void caseAndCastResultsKeepTheirTypesOperations() {
    NumberExpression<Integer> points = caseWhen(u.active, 10).otherwise(u.age).plus(1);
    assertSql(select(points.sum()).from(u), POSTGRESQL, "SELECT SUM((CASE WHEN users.active THEN ? ELSE"
        + " users.age END + ?)) AS expr1 FROM users", 10, 1);
    StringExpression label = caseWhen(u.active, u.name).otherwise("-").upper();
    assertSql(select(label).from(u), SQLITE, "SELECT UPPER(CASE WHEN users.active THEN users.name ELSE ?"
        + " END) AS expr1 FROM users", "-");
    ComparableExpression<LocalDateTime> seen = caseWhen(u.active, u.created).end();
    assertSql(select(u.id).from(u).where(seen.gt(LocalDateTime.of(2024, 1, 1, 0, 0))), POSTGRESQL,
        "SELECT users.id FROM users WHERE CASE WHEN users.active THEN users.created END > ?",
        LocalDateTime.of(2024, 1, 1, 0, 0));
    NumberExpression<Long> n = u.name.castToNumber(SqlTypes.BIGINT).times(2L);
    assertSql(select(n).from(u), POSTGRESQL,
        "SELECT (CAST(users.name AS BIGINT) * ?) AS expr1 FROM users", 2L);
    assertSql(select(u.age.castToString(SqlTypes.varchar(5)).length()).from(u), POSTGRESQL,
        "SELECT LENGTH(CAST(users.age AS VARCHAR(5))) AS expr1 FROM users");
    assertSql(select(u.id).from(u).where(u.name.castToComparable(SqlTypes.DATE).lt(LocalDate.of(2024, 1, 1))), H2,
        "SELECT users.id FROM users WHERE CAST(users.name AS DATE) < ?", LocalDate.of(2024, 1, 1));
  }
}
