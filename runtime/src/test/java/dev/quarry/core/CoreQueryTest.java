package dev.quarry.core;

import static dev.quarry.core.CoreTables.ADDRESSES;
import static dev.quarry.core.CoreTables.ORDERS;
import static dev.quarry.core.CoreTables.ORDER_TOTAL;
import static dev.quarry.core.CoreTables.ORDER_USER;
import static dev.quarry.core.CoreTables.USERS;
import static dev.quarry.sql.Sql.caseWhen;
import static dev.quarry.sql.Sql.coalesce;
import static dev.quarry.sql.Sql.concat;
import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.exists;
import static dev.quarry.sql.Sql.function;
import static dev.quarry.sql.Sql.notExists;
import static dev.quarry.sql.Sql.or;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.selectFrom;
import static dev.quarry.sql.Sql.val;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.core.CoreTables.Addresses;
import dev.quarry.core.CoreTables.Users;
import dev.quarry.engine.Connection;
import dev.quarry.engine.Row;
import dev.quarry.sql.Expression;
import dev.quarry.sql.NumberExpression;
import dev.quarry.sql.Query;
import dev.quarry.sql.Select;
import dev.quarry.sql.StringExpression;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** SQLAlchemy Core's tutorial queries, executed on SQLite, H2 and PostgreSQL on tables defined in code. */
class CoreQueryTest {
  private static final Users u = USERS;
  private static final Addresses a = ADDRESSES;

  private static <T> List<T> column(TestDatabase db, Query query, Expression<T> key) {
    try (Connection c = db.engine().connect()) {
      List<T> out = new ArrayList<>();
      for (Row r : c.execute(query).fetchAll()) {
        out.add(r.get(key));
      }
      return out;
    }
  }

  private static List<Row> rows(TestDatabase db, Query query) {
    try (Connection c = db.engine().connect()) {
      return c.execute(query).fetchAll();
    }
  }

  @AllDatabases
  void whereWithAndOrLikeInBetweenAndNullTests(TestDatabase db) {
    CoreTables.seed(db);
    assertEquals(List.of("sandy"), column(db, select(u.name).from(u)
        .where(u.age.gt(15).and(u.name.like("s%"))), u.name));
    assertEquals(List.of("patrick", "spongebob"), column(db, select(u.name).from(u)
        .where(or(u.name.eq("patrick"), u.age.lt(20))).orderBy(u.name.asc()), u.name));
    assertEquals(List.of("patrick", "sandy"), column(db, select(u.name).from(u)
        .where(u.name.in("sandy", "patrick", "nobody")).orderBy(u.name.asc()), u.name));
    assertEquals(List.of("spongebob"), column(db, select(u.name).from(u)
        .where(u.name.notIn("sandy", "patrick"), u.age.isNotNull()), u.name), "where(a, b) ANDs");
    assertEquals(List.of("squidward"), column(db, select(u.name).from(u).where(u.age.isNull()), u.name));
    assertEquals(List.of("sandy", "patrick"), column(db, select(u.name).from(u)
        .where(u.age.between(30, 40)).orderBy(u.age.asc()), u.name));
    assertEquals(List.of("squidward", "patrick", "sandy", "spongebob"), column(db, select(u.name).from(u)
        .where(u.name.ne("x").not().not()).orderBy(u.age.desc().nullsFirst()), u.name), "NULLS FIRST on every database");
    assertEquals(List.of("sandy", "spongebob"), column(db, select(u.name).from(u)
        .where(u.name.ilike("S%"), u.age.isNotNull()).orderBy(u.name.asc()), u.name));
    assertEquals(List.of("patrick", "sandy"), column(db, select(u.name).from(u).orderBy(u.name.asc())
        .limit(2).offset(0), u.name));
    assertEquals(List.of("spongebob"), column(db, select(u.name).from(u).orderBy(u.name.asc()).limit(1).offset(2),
        u.name));
  }

  @AllDatabases
  void innerAndOuterJoins(TestDatabase db) {
    CoreTables.seed(db);
    assertEquals(List.of("sandy@sqlalchemy.org", "spongebob@bikini.bottom", "spongebob@sqlalchemy.org"),
        column(db, select(u.name, a.email).from(u).join(a, a.userId.eq(u.id)).orderBy(a.email.asc()), a.email));
    List<Row> left = rows(db, select(u.name, a.email).from(u).leftJoin(a, a.userId.eq(u.id))
        .where(a.id.isNull()).orderBy(u.name.asc()));
    assertEquals(List.of("patrick", "squidward"), left.stream().map(r -> r.get(u.name)).toList());
    assertNull(left.get(0).get(a.email));
    List<Row> right = rows(db, select(u.name, a.email).from(a).rightJoin(u, a.userId.eq(u.id))
        .orderBy(u.name.asc(), a.email.asc()));
    assertEquals(5, right.size(), "every user, with or without addresses");
    Select fullJoin = select(u.name, ORDER_TOTAL).from(u).fullJoin(ORDERS, ORDER_USER.eq(u.id))
        .orderBy(u.name.asc(), ORDER_TOTAL.asc());
    if (db.vendor() == Vendor.H2 || db.vendor() == Vendor.MARIADB) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> rows(db, fullJoin));
      assertEquals(db.vendor().displayName() + " has no FULL JOIN; combine a LEFT JOIN and a RIGHT JOIN with"
          + " unionAll(...)", e.getMessage());
    } else {
      assertEquals(List.of("patrick", "sandy", "sandy", "spongebob", "squidward"),
          rows(db, fullJoin).stream().map(r -> r.get(u.name)).toList());
    }
    Users u2 = u.as("u2");
    assertEquals(List.of("sandy"), column(db, select(u.name).from(u).join(u2, u2.age.eq(u.age.plus(10)))
        .where(u2.name.eq("patrick")), u.name), "self-join through an alias");
  }

  @AllDatabases
  void functionsAndAggregates(TestDatabase db) {
    CoreTables.seed(db);
    NumberExpression<Long> n = count().as("n");
    NumberExpression<Integer> oldest = u.age.max().as("oldest");
    NumberExpression<Integer> youngest = u.age.min();
    NumberExpression<Double> mean = u.age.avg();
    NumberExpression<Integer> sum = u.age.sum();
    NumberExpression<Long> nonNull = u.age.count();
    Row r = rows(db, select(n, oldest, youngest, mean, sum, nonNull).from(u)).get(0);
    assertEquals(4L, r.get(n));
    assertEquals(40, r.get(oldest));
    assertEquals(10, r.get(youngest));
    assertEquals(80.0 / 3, r.get(mean), 1e-9);
    assertEquals(80, r.get(sum).intValue());
    assertEquals(3L, r.get(nonNull), "COUNT(column) skips NULL");
    NumberExpression<BigDecimal> total = ORDER_TOTAL.sum();
    assertEquals(0, new BigDecimal("35.50").compareTo(rows(db, select(total).from(ORDERS)).get(0).get(total)));

    StringExpression upper = u.name.upper();
    NumberExpression<Integer> length = u.name.length();
    StringExpression label = concat(u.name, val(" ("), u.fullname.lower(), val(")"));
    Expression<Integer> age = coalesce(u.age, val(-1));
    Expression<String> bucket = caseWhen(u.age.lt(18), "minor").when(u.age.ge(18), val("adult")).otherwise("unknown");
    Expression<String> sub = function("substr", SqlTypes.VARCHAR, u.name, val(1), val(3));
    Row s = rows(db, select(upper, length, label, age, bucket, sub).from(u).where(u.name.eq("squidward"))).get(0);
    assertEquals("SQUIDWARD", s.get(upper));
    assertEquals(9, s.get(length));
    assertEquals("squidward (squidward tentacles)", s.get(label));
    assertEquals(-1, s.get(age));
    assertEquals("unknown", s.get(bucket));
    assertEquals("squ", s.get(sub));
    NumberExpression<Integer> doubled = u.age.times(2).plus(1).as("x");
    assertEquals(List.of(81, 61), column(db, select(doubled).from(u).where(u.age.ge(30)).orderBy(u.age.desc()),
        doubled), "arithmetic");
  }

  @AllDatabases
  void groupByAndHaving(TestDatabase db) {
    CoreTables.seed(db);
    NumberExpression<Long> addresses = count(a.id).as("addresses");
    List<Row> r = rows(db, select(u.name, addresses).from(u).join(a, a.userId.eq(u.id))
        .groupBy(u.name).having(count(a.id).gt(1L)));
    assertEquals(1, r.size());
    assertEquals("spongebob", r.get(0).get(u.name));
    assertEquals(2L, r.get(0).get(addresses));
    List<Row> perUser = rows(db, select(u.name, count(a.id).as("addresses")).from(u).leftJoin(a, a.userId.eq(u.id))
        .groupBy(u.name).orderBy(u.name.asc()));
    assertEquals(List.of(0L, 1L, 2L, 0L), perUser.stream().map(x -> x.getLong(1)).toList());
  }

  @AllDatabases
  void subqueriesInScalarAndExists(TestDatabase db) {
    CoreTables.seed(db);
    assertEquals(List.of("sandy", "spongebob"), column(db, select(u.name).from(u)
        .where(u.id.in(select(a.userId).from(a))).orderBy(u.name.asc()), u.name));
    assertEquals(List.of("patrick", "squidward"), column(db, select(u.name).from(u)
        .where(u.id.notIn(select(a.userId).from(a))).orderBy(u.name.asc()), u.name));
    Expression<Long> addressCount = select(count()).from(a).where(a.userId.eq(u.id)).<Long>asScalar();
    Expression<Long> labelled = addressCount.as("address_count");
    List<Row> r = rows(db, select(u.name, labelled).from(u).orderBy(u.name.asc()));
    assertEquals(List.of(0L, 1L, 2L, 0L), r.stream().map(x -> ((Number) x.get(labelled)).longValue()).toList());
    assertEquals(List.of("sandy", "spongebob"), column(db, select(u.name).from(u)
        .where(exists(select(a.id).from(a).where(a.userId.eq(u.id)))).orderBy(u.name.asc()), u.name));
    assertEquals(List.of("patrick", "squidward"), column(db, select(u.name).from(u)
        .where(notExists(select(a.id).from(a).where(a.userId.eq(u.id)))).orderBy(u.name.asc()), u.name));
    NumberExpression<Long> orderCount = count().as("order_count");
    var perUser = select(ORDER_USER, orderCount).from(ORDERS).groupBy(ORDER_USER).as("t");
    NumberExpression<Long> countField = perUser.field(orderCount);
    List<Row> big = rows(db, select(u.name, countField).from(u).join(perUser, perUser.field(ORDER_USER).eq(u.id))
        .where(countField.gt(1L)));
    assertEquals(1, big.size(), "a subquery used as a table");
    assertEquals("sandy", big.get(0).get(u.name));
    assertEquals(2L, big.get(0).get(countField));
  }

  @AllDatabases
  void unionIntersectExcept(TestDatabase db) {
    CoreTables.seed(db);
    Select young = select(u.name).from(u).where(u.age.lt(35));
    Select withAddress = select(u.name).from(u).join(a, a.userId.eq(u.id));
    assertEquals(List.of("sandy", "spongebob"), sorted(column(db, young.union(withAddress), u.name)));
    assertEquals(5, column(db, young.unionAll(withAddress), u.name).size());
    assertEquals(List.of("sandy", "spongebob"), sorted(column(db, young.intersect(withAddress), u.name)));
    assertEquals(List.of(), column(db, young.except(withAddress), u.name));
    assertEquals(List.of("patrick", "squidward"), sorted(column(db, selectFrom(u).except(
        selectFrom(u).where(u.age.lt(35))), u.name)));
    assertEquals(List.of("spongebob", "sandy"), column(db, young.union(withAddress).orderBy(u.name.desc()), u.name),
        "ORDER BY over a compound query");
  }

  /**
   * A bound decimal compared with an aggregate, which has no column type to convert it: on SQLite
   * the value must travel as a number, not as text, or {@code SUM(total) > ?} never matches.
   */
  @AllDatabases
  void decimalAggregateComparedWithABoundDecimal(TestDatabase db) {
    CoreTables.seed(db);
    assertEquals(List.of(BigDecimal.valueOf(2)), decimalAggregateAboveTen(db));
  }

  private static List<BigDecimal> decimalAggregateAboveTen(TestDatabase db) {
    NumberExpression<BigDecimal> spent = ORDER_TOTAL.sum().as("spent");
    NumberExpression<Long> n = count().as("n");
    return rows(db, select(ORDER_USER, spent, n).from(ORDERS).groupBy(ORDER_USER)
        .having(ORDER_TOTAL.sum().gt(new BigDecimal("10")))).stream().map(r -> BigDecimal.valueOf(r.get(n))).toList();
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }
}
