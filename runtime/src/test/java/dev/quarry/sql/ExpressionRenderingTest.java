package dev.quarry.sql;

import static dev.quarry.sql.Rendering.assertSql;
import static dev.quarry.sql.Sql.and;
import static dev.quarry.sql.Sql.caseWhen;
import static dev.quarry.sql.Sql.coalesce;
import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.countDistinct;
import static dev.quarry.sql.Sql.function;
import static dev.quarry.sql.Sql.not;
import static dev.quarry.sql.Sql.now;
import static dev.quarry.sql.Sql.or;
import static dev.quarry.sql.Sql.random;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.val;
import static dev.quarry.types.Vendor.H2;
import static dev.quarry.types.Vendor.MARIADB;
import static dev.quarry.types.Vendor.MYSQL;
import static dev.quarry.types.Vendor.OTHER;
import static dev.quarry.types.Vendor.POSTGRESQL;
import static dev.quarry.types.Vendor.SQLITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operators, predicates and functions rendered per dialect. */
class ExpressionRenderingTest {
  final Users u = Users.USERS;

  private static Select where(Users u, Predicate p) {
    return select(u.id).from(u).where(p);
  }

  private static final String PG = "SELECT users.id FROM users WHERE ";
  private static final String MY = "SELECT users.id FROM users WHERE ";

  @Test
  void comparisons() {
    assertSql(where(u, u.name.eq("a")), POSTGRESQL, PG + "users.name = ?", "a");
    assertSql(where(u, u.name.ne("a")), POSTGRESQL, PG + "users.name <> ?", "a");
    assertSql(where(u, u.age.lt(1).and(u.age.le(2)).and(u.age.gt(3)).and(u.age.ge(4))), POSTGRESQL,
        PG + "users.age < ? AND users.age <= ? AND users.age > ? AND users.age >= ?", 1, 2, 3, 4);
    Users other = u.as("o");
    assertSql(where(u, u.age.eq(other.age).and(u.age.ne(other.age)).and(u.age.lt(other.age))), SQLITE,
        PG + "users.age = o.age AND users.age <> o.age AND users.age < o.age");
    assertSql(where(u, u.age.between(18, 65)), MYSQL, MY + "users.age BETWEEN ? AND ?", 18, 65);
    assertSql(where(u, u.age.notBetween(18, 65)), H2, PG + "users.age NOT BETWEEN ? AND ?", 18, 65);
  }

  @Test
  void nullTests() {
    assertSql(where(u, u.age.isNull()), POSTGRESQL, PG + "users.age IS NULL");
    assertSql(where(u, u.age.isNotNull()), POSTGRESQL, PG + "users.age IS NOT NULL");
    assertSql(where(u, u.age.eq((Integer) null)), POSTGRESQL, PG + "users.age IS NULL");
    assertSql(where(u, u.age.ne((Integer) null)), POSTGRESQL, PG + "users.age IS NOT NULL");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> u.age.gt((Integer) null));
    assertTrue(e.getMessage().contains("use isNull()"), e.getMessage());
  }

  @Test
  void logicalOperatorsFlattenAndParenthesise() {
    Predicate a = u.age.gt(1);
    Predicate b = u.age.lt(9);
    Predicate c = u.name.eq("x");
    assertSql(where(u, a.and(b).or(c)), POSTGRESQL,
        PG + "(users.age > ? AND users.age < ?) OR users.name = ?", 1, 9, "x");
    assertSql(where(u, a.and(b.or(c))), POSTGRESQL,
        PG + "users.age > ? AND (users.age < ? OR users.name = ?)", 1, 9, "x");
    assertSql(where(u, a.and(b).and(c)), POSTGRESQL,
        PG + "users.age > ? AND users.age < ? AND users.name = ?", 1, 9, "x");
    assertSql(where(u, a.or(b).not()), POSTGRESQL, PG + "NOT (users.age > ? OR users.age < ?)", 1, 9);
    assertSql(where(u, not(u.active)), SQLITE, PG + "NOT (users.active)");
    assertSql(where(u, and(List.of(a, b))), SQLITE, PG + "users.age > ? AND users.age < ?", 1, 9);
    assertSql(where(u, or(a, b, c)), MYSQL, MY + "users.age > ? OR users.age < ? OR users.name = ?", 1, 9, "x");
  }

  @Test
  void emptyAndOrUseDialectBooleanLiterals() {
    assertSql(where(u, and()), POSTGRESQL, PG + "TRUE");
    assertSql(where(u, or()), POSTGRESQL, PG + "FALSE");
    assertSql(where(u, and()), SQLITE, PG + "1");
    assertSql(where(u, or(List.of())), SQLITE, PG + "0");
    assertSql(where(u, Sql.trueCondition()), MYSQL, MY + "TRUE");
    assertSql(where(u, Sql.falseCondition()), H2, PG + "FALSE");
  }

  @Test
  void inLists() {
    assertSql(where(u, u.id.in(1L, 2L)), POSTGRESQL, PG + "users.id IN (?, ?)", 1L, 2L);
    assertSql(where(u, u.name.in(List.of("a"))), MYSQL, MY + "users.name IN (?)", "a");
    assertSql(where(u, u.id.notIn(3L)), SQLITE, PG + "users.id NOT IN (?)", 3L);
    assertSql(where(u, u.id.in(List.of())), POSTGRESQL, PG + "FALSE");
    assertSql(where(u, u.id.notIn(List.of())), SQLITE, PG + "1");
    assertThrows(IllegalArgumentException.class, () -> u.name.in(java.util.Arrays.asList("a", null)));
  }

  @Test
  void inListsAboveTheBindLimitAreSplitIntoOredLists() {
    int limit = Vendor.OTHER.maxBindParameters();
    List<Long> ids = new ArrayList<>();
    for (long i = 0; i < limit * 2L + 1; i++) {
      ids.add(i);
    }
    CompiledStatement c = where(u, u.id.in(ids)).compile(OTHER);
    String list = "?" + ", ?".repeat(limit - 1);
    assertEquals(PG + "(users.id IN (" + list + ") OR users.id IN (" + list + ") OR users.id IN (?))",
        c.sql());
    assertEquals(ids.size(), c.parameters().size());
    for (int i = 0; i < ids.size(); i++) {
      assertEquals(ids.get(i), c.parameters().get(i).value());
    }
    CompiledStatement not = where(u, u.id.notIn(ids)).compile(OTHER);
    assertEquals(PG + "(users.id NOT IN (" + list + ") AND users.id NOT IN (" + list
        + ") AND users.id NOT IN (?))", not.sql());
    // Below the limit of PostgreSQL the same list stays one IN list.
    assertEquals(PG + "users.id IN (" + list + ", " + list + ", ?)", where(u, u.id.in(ids)).compile(POSTGRESQL).sql());
  }

  @Test
  void inListsAboveTheBindLimitTravelAsOneParameterWhereTheDialectCan() {
    for (Vendor v : new Vendor[] {POSTGRESQL, SQLITE}) {
      int n = dev.quarry.sql.internal.Dialect.of(v).maxBindParameters() + 1;
      List<Long> ids = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        ids.add(i);
        names.add("n\"" + i);
      }
      CompiledStatement in = where(u, u.id.in(ids)).compile(v);
      CompiledStatement notIn = where(u, u.name.notIn(names)).compile(v);
      assertEquals(1, in.parameters().size());
      assertEquals(1, notIn.parameters().size());
      if (v == SQLITE) {
        assertEquals(PG + "users.id IN (SELECT value FROM json_each(?))", in.sql());
        assertEquals(PG + "users.name NOT IN (SELECT value FROM json_each(?))", notIn.sql());
        String json = (String) notIn.parameters().get(0).value();
        assertTrue(json.startsWith("[\"n\\\"0\",\"n\\\"1\","), json);
        assertTrue(((String) in.parameters().get(0).value()).startsWith("[0,1,2,"));
      } else {
        assertEquals(PG + "users.id = ANY(?)", in.sql());
        assertEquals(PG + "users.name <> ALL(?)", notIn.sql());
        Object[] array = (Object[]) in.parameters().get(0).value();
        assertEquals(n, array.length);
        assertEquals(7L, array[7]);
      }
      // All long lists share one shape, whatever their length.
      ids.add(-1L);
      assertEquals(in.sql(), where(u, u.id.in(ids)).compile(v).sql());
    }
    // H2 caps arrays at 65,536 elements: longer lists use several arrays.
    List<Long> huge = new ArrayList<>();
    for (long i = 0; i < 140_000; i++) {
      huge.add(i);
    }
    CompiledStatement h2 = where(u, u.id.notIn(huge)).compile(H2);
    assertEquals(PG + "(users.id <> ALL(?) AND users.id <> ALL(?) AND users.id <> ALL(?))",
        h2.sql());
    assertEquals(List.of(65_536, 65_536, 8_928),
        h2.parameters().stream().map(p -> ((Object[]) p.value()).length).toList());
    // Types that cannot travel as one array are split instead.
    int n = dev.quarry.sql.internal.Dialect.of(POSTGRESQL).maxBindParameters() + 1;
    List<java.time.LocalTime> times = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      times.add(java.time.LocalTime.MIDNIGHT.plusSeconds(i));
    }
    CompiledStatement split = where(u, u.created.castToComparable(SqlTypes.TIME).in(times)).compile(POSTGRESQL);
    assertEquals(n, split.parameters().size());
    assertTrue(split.sql().contains(") OR CAST(users.created AS TIME) IN (?)"), split.sql());
  }

  @Test
  void rowValues() {
    RowValue key = Sql.row(u.id, u.name);
    assertSql(where(u, key.in(List.of(List.of(1L, "a"), List.of(2L, "b")))), POSTGRESQL,
        PG + "(users.id, users.name) IN ((?, ?), (?, ?))", 1L, "a", 2L, "b");
    assertSql(where(u, key.notIn(List.of(List.of(1L, "a")))), MYSQL,
        MY + "(users.id, users.name) NOT IN ((?, ?))", 1L, "a");
    assertSql(where(u, key.eq(3L, "c")), SQLITE, PG + "(users.id, users.name) = (?, ?)", 3L, "c");
    assertSql(where(u, key.in(List.of())), H2, PG + "FALSE");
    List<List<?>> rows = new ArrayList<>();
    for (long i = 0; i < 501; i++) {
      rows.add(List.of(i, "n" + i));
    }
    CompiledStatement split = where(u, key.in(rows)).compile(OTHER);
    assertTrue(split.sql().contains(")) OR (users.id, users.name) IN ((?, ?))"), split.sql());
    assertEquals(1002, split.parameters().size());
    assertEquals("n500", split.parameters().get(1001).value());
    assertThrows(IllegalArgumentException.class, () -> key.in(List.of(List.of(1L))));
    assertThrows(IllegalArgumentException.class, () -> Sql.row(u.id));
  }

  @Test
  void likeFamily() {
    assertSql(where(u, u.name.like("a%")), POSTGRESQL, PG + "users.name LIKE ?", "a%");
    assertSql(where(u, u.name.notLike("a%")), POSTGRESQL, PG + "users.name NOT LIKE ?", "a%");
    assertSql(where(u, u.name.like("a!%%", '!')), POSTGRESQL, PG + "users.name LIKE ? ESCAPE ?", "a!%%", "!");
    assertSql(where(u, u.name.notLike("a!%%", '!')), MYSQL, MY + "users.name NOT LIKE ? ESCAPE ?", "a!%%", "!");
    assertSql(where(u, u.name.ilike("a%")), POSTGRESQL, PG + "users.name ILIKE ?", "a%");
    assertSql(where(u, u.name.ilike("a%")), H2, PG + "users.name ILIKE ?", "a%");
    assertSql(where(u, u.name.ilike("a%")), SQLITE, PG + "LOWER(users.name) LIKE LOWER(?)", "a%");
    assertSql(where(u, u.name.notIlike("a%")), MYSQL, MY + "LOWER(users.name) NOT LIKE LOWER(?)", "a%");
    assertSql(where(u, u.name.notIlike("a%")), POSTGRESQL, PG + "users.name NOT ILIKE ?", "a%");
    assertSql(where(u, u.name.ilike("a#_%", '#')), SQLITE, PG + "LOWER(users.name) LIKE LOWER(?) ESCAPE ?",
        "a#_%", "#");
  }

  @Test
  void containsStartsWithEndsWithEscapeWildcardsAndTheEscapeCharacter() {
    assertSql(where(u, u.name.startsWith("ab%c")), POSTGRESQL, PG + "users.name LIKE ? ESCAPE '\\'", "ab\\%c%");
    assertSql(where(u, u.name.endsWith("a_b")), OTHER, PG + "users.name LIKE ? ESCAPE '\\'", "%a\\_b");
    // SQLite's LIKE ignores case: literal matches use GLOB, with its wildcards bracketed.
    assertSql(where(u, u.name.endsWith("a_b")), SQLITE, PG + "users.name GLOB ?", "*a_b");
    assertSql(where(u, u.name.startsWith("a*b?c[d]%")), SQLITE, PG + "users.name GLOB ?", "a[*]b[?]c[[]d]%*");
    assertSql(where(u, u.name.contains("x")), SQLITE, PG + "users.name GLOB ?", "*x*");
    assertSql(where(u, u.name.contains("1\\2%3_")), H2, PG + "users.name LIKE ? ESCAPE '\\'", "%1\\\\2\\%3\\_%");
    // MySQL's LIKE follows the column's collation, case-insensitive by default: the pattern is made binary.
    // It reads a backslash in a string literal as an escape, so the literal doubles it.
    assertSql(where(u, u.name.startsWith("ab%c")), MYSQL, MY + "users.name LIKE CAST(? AS BINARY) ESCAPE '\\\\'",
        "ab\\%c%");
    assertSql(where(u, u.name.startsWith("ab%c")), MARIADB, MY + "users.name LIKE CAST(? AS BINARY) ESCAPE '\\\\'",
        "ab\\%c%");
    assertSql(where(u, u.name.endsWith("a_b")), MARIADB, MY + "users.name LIKE CAST(? AS BINARY) ESCAPE '\\\\'",
        "%a\\_b");
    assertSql(where(u, u.name.like("a%")), MARIADB, MY + "users.name LIKE ?", "a%");
    assertSql(where(u, u.name.containsIgnoreCase("X%")), POSTGRESQL, PG + "users.name ILIKE ? ESCAPE '\\'", "%X\\%%");
    assertSql(where(u, u.name.containsIgnoreCase("X%")), SQLITE,
        PG + "LOWER(users.name) LIKE LOWER(?) ESCAPE '\\'", "%X\\%%");
    assertSql(where(u, u.name.containsIgnoreCase("X%")), MYSQL,
        MY + "LOWER(users.name) LIKE LOWER(?) ESCAPE '\\\\'", "%X\\%%");
  }

  @Test
  void arithmeticKeepsTheColumnTypeAndParenthesises() {
    assertSql(select(u.age.plus(1).times(2).minus(u.age).div(3).mod(4).neg()).from(u), POSTGRESQL,
        "SELECT -(MOD(((((users.age + ?) * ?) - users.age) / ?), ?)) AS expr1 FROM users", 1, 2, 3, 4);
    NumberExpression<Integer> e = u.age.plus(1);
    assertEquals(SqlTypes.INTEGER, e.type());
  }

  @Test
  void stringFunctionsAndConcat() {
    assertSql(select(u.name.lower(), u.name.upper(), u.name.trim(), u.name.length()).from(u), SQLITE,
        "SELECT LOWER(users.name) AS expr1, UPPER(users.name) AS expr2, TRIM(users.name)"
            + " AS expr3, LENGTH(users.name) AS expr4 FROM users");
    assertSql(select(u.name.length()).from(u), MYSQL, "SELECT CHAR_LENGTH(users.name) AS expr1 FROM users");
    assertSql(select(u.name.concat("!")).from(u), POSTGRESQL, "SELECT (users.name || ?) AS expr1 FROM users", "!");
    assertSql(select(u.name.concat("!")).from(u), MYSQL, "SELECT CONCAT(users.name, ?) AS expr1 FROM users", "!");
    assertSql(select(Sql.concat(u.name, val("-"), u.age)).from(u), H2,
        "SELECT (users.name || ? || users.age) AS expr1 FROM users", "-");
  }

  @Test
  void aggregates() {
    assertSql(select(count(), count(u.age), countDistinct(u.age), u.age.sum(), u.age.avg(), u.age.min(), u.name.max())
        .from(u), POSTGRESQL, "SELECT COUNT(*) AS expr1, COUNT(users.age) AS expr2, COUNT(DISTINCT"
            + " users.age) AS expr3, SUM(users.age) AS expr4, AVG(users.age) AS expr5,"
            + " MIN(users.age) AS expr6, MAX(users.name) AS expr7 FROM users");
    // AVG of integers is a DECIMAL with 4 more digits on MySQL and MariaDB: averaging doubles keeps the double's precision
    assertSql(select(u.age.avg(), Sql.aggregate("AVG", SqlTypes.DECIMAL, u.age)).from(u), MARIADB,
        "SELECT AVG(CAST(users.age AS DOUBLE)) AS expr1, AVG(users.age) AS expr2 FROM users");
    assertSql(select(u.age.avg()).from(u), MYSQL, "SELECT AVG(CAST(users.age AS DOUBLE)) AS expr1 FROM users");
    assertEquals(SqlTypes.BIGINT, count().type());
    assertEquals(SqlTypes.DOUBLE, u.age.avg().type());
  }

  @Test
  void caseCoalesceCastFunctionNowRandom() {
    Expression<String> bucket = caseWhen(u.age.lt(18), "minor").when(u.age.lt(65), "adult").otherwise("senior");
    assertSql(select(bucket).from(u), POSTGRESQL, "SELECT CASE WHEN users.age < ? THEN ? WHEN users.age < ?"
        + " THEN ? ELSE ? END AS expr1 FROM users", 18, "minor", 65, "adult", "senior");
    assertSql(select(caseWhen(u.active, u.name).end()).from(u), SQLITE,
        "SELECT CASE WHEN users.active THEN users.name END AS expr1 FROM users");
    assertSql(select(u.age.coalesce(0), coalesce(u.name, val("?"))).from(u), MYSQL,
        "SELECT COALESCE(users.age, ?) AS expr1, COALESCE(users.name, ?) AS expr2 FROM users", 0, "?");
    assertSql(select(u.age.cast(SqlTypes.varchar(10)), u.age.cast(SqlTypes.DECIMAL)).from(u), POSTGRESQL,
        "SELECT CAST(users.age AS VARCHAR(10)) AS expr1, CAST(users.age AS NUMERIC) AS expr2 FROM users");
    assertSql(select(u.age.cast(SqlTypes.TEXT), u.age.cast(SqlTypes.varchar(10)), u.name.cast(SqlTypes.BIGINT),
        u.age.cast(SqlTypes.decimal(5, 2)), u.name.cast(SqlTypes.TIMESTAMP)).from(u), MYSQL,
        "SELECT CAST(users.age AS CHAR) AS expr1, CAST(users.age AS CHAR(10)) AS expr2, CAST(users.name"
            + " AS SIGNED) AS expr3, CAST(users.age AS DECIMAL(5,2)) AS expr4, CAST(users.name AS DATETIME(6))"
            + " AS expr5 FROM users");
    assertSql(select(u.age.cast(SqlTypes.TEXT)).from(u), SQLITE, "SELECT CAST(users.age AS TEXT) AS expr1 FROM users");
    assertSql(select(function("substr", SqlTypes.TEXT, u.name, val(1), val(2))).from(u), SQLITE,
        "SELECT substr(users.name, ?, ?) AS expr1 FROM users", 1, 2);
    assertSql(select(now(), random()).from(u), POSTGRESQL, "SELECT CURRENT_TIMESTAMP AS expr1, RANDOM() AS expr2 FROM users");
    assertSql(select(now(), random()).from(u), H2, "SELECT CURRENT_TIMESTAMP AS expr1, RAND() AS expr2 FROM users");
    assertSql(select(random()).from(u), MYSQL, "SELECT RAND() AS expr1 FROM users");
    assertSql(select(u.id).from(u).orderBy(random()), SQLITE, "SELECT users.id FROM users ORDER BY RANDOM()");
  }

  @Test
  void functionNamesAreValidated() {
    for (String bad : new String[] {"drop table x", "f()", "a;b", "x--", "", "1abc", "a.b.c", "na\"me"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> function(bad, SqlTypes.TEXT, u.name), bad);
      assertTrue(e.getMessage().startsWith("invalid SQL function name"), e.getMessage());
    }
    assertSql(select(function("pg_catalog.lower", SqlTypes.TEXT, u.name)).from(u), POSTGRESQL,
        "SELECT pg_catalog.lower(users.name) AS expr1 FROM users");
  }

  @Test
  void typedFacadesFollowTheValueType() {
    assertTrue(caseWhen(u.active, 1).otherwise(2) instanceof NumberExpression);
    assertTrue(u.name.coalesce("x") instanceof StringExpression);
    assertTrue(u.age.cast(SqlTypes.varchar(3)) instanceof StringExpression);
    assertTrue(u.name.eq("x") instanceof Predicate);
    assertTrue(select(u.age).from(u).asScalar() instanceof NumberExpression);
  }

  @Test
  void expressionsAreEqualByShapeAndValues() {
    assertEquals(count(), count());
    assertEquals(count().hashCode(), count().hashCode());
    assertEquals(u.age.plus(1), u.age.plus(1));
    org.junit.jupiter.api.Assertions.assertNotEquals(u.age.plus(1), u.age.plus(2));
    org.junit.jupiter.api.Assertions.assertNotEquals(u.age.plus(1), u.age.minus(1));
    org.junit.jupiter.api.Assertions.assertNotEquals(count().as("a"), count().as("b"));
    assertEquals("(users.age + ?)", u.age.plus(1).toString());
    assertEquals("COUNT(*)", count().toString());
  }
}
