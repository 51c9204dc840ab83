package dev.quarry.sql;

import static dev.quarry.sql.Rendering.assertSql;
import static dev.quarry.sql.Rendering.sql;
import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.cte;
import static dev.quarry.sql.Sql.exists;
import static dev.quarry.sql.Sql.notExists;
import static dev.quarry.sql.Sql.recursiveCte;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.selectDistinct;
import static dev.quarry.sql.Sql.selectFrom;
import static dev.quarry.sql.Sql.val;
import static dev.quarry.types.Vendor.H2;
import static dev.quarry.types.Vendor.MARIADB;
import static dev.quarry.types.Vendor.MYSQL;
import static dev.quarry.types.Vendor.OTHER;
import static dev.quarry.types.Vendor.POSTGRESQL;
import static dev.quarry.types.Vendor.SQLITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.ResultColumn;
import org.junit.jupiter.api.Test;

/** SELECT rendering per dialect, with exact SQL. */
class SelectRenderingTest {
  final Users u = Users.USERS;
  final Orders o = Orders.ORDERS;

  @Test
  void simpleSelectWithWhereOrderAndPaging() {
    Select q = select(u.id, u.name).from(u).where(u.age.gt(18)).orderBy(u.name.asc(), u.id.desc()).limit(10).offset(20);
    String base = "SELECT users.id, users.name FROM users WHERE users.age > ?"
        + " ORDER BY users.name, users.id DESC";
    assertSql(q, SQLITE, base + " LIMIT ? OFFSET ?", 18, 10, 20);
    assertSql(q, POSTGRESQL, base + " LIMIT ? OFFSET ?", 18, 10, 20);
    assertSql(q, H2, base + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", 18, 20, 10);
    assertSql(q, OTHER, base + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", 18, 20, 10);
    assertSql(q, MYSQL, "SELECT users.id, users.name FROM users WHERE users.age > ?"
        + " ORDER BY users.name, users.id DESC LIMIT ? OFFSET ?", 18, 10, 20);
  }

  @Test
  void limitOnlyAndOffsetOnly() {
    Select limitOnly = select(u.id).from(u).limit(5);
    assertSql(limitOnly, SQLITE, "SELECT users.id FROM users LIMIT ?", 5);
    assertSql(limitOnly, POSTGRESQL, "SELECT users.id FROM users LIMIT ?", 5);
    assertSql(limitOnly, H2, "SELECT users.id FROM users FETCH FIRST ? ROWS ONLY", 5);
    assertSql(limitOnly, MYSQL, "SELECT users.id FROM users LIMIT ?", 5);
    Select offsetOnly = select(u.id).from(u).offset(7);
    assertSql(offsetOnly, SQLITE, "SELECT users.id FROM users LIMIT -1 OFFSET ?", 7);
    assertSql(offsetOnly, POSTGRESQL, "SELECT users.id FROM users OFFSET ?", 7);
    assertSql(offsetOnly, H2, "SELECT users.id FROM users OFFSET ? ROWS", 7);
    assertSql(offsetOnly, MARIADB, "SELECT users.id FROM users LIMIT 18446744073709551615 OFFSET ?", 7);
  }

  @Test
  void limitAndOffsetMustBeNonNegative() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> select(u.id).from(u).limit(-1));
    assertEquals("limit must be a non-negative integer, got -1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> select(u.id).from(u).offset(-5));
    assertEquals("offset must be a non-negative integer, got -5", e.getMessage());
    assertSql(select(u.id).from(u).limit(0), POSTGRESQL, "SELECT users.id FROM users LIMIT ?", 0);
  }

  @Test
  void nullOrderingIsNativeOrEmulated() {
    Select q = select(u.name).from(u).orderBy(u.age.desc().nullsFirst(), u.name.asc().nullsLast());
    assertSql(q, POSTGRESQL, "SELECT users.name FROM users ORDER BY users.age DESC NULLS FIRST,"
        + " users.name NULLS LAST");
    assertSql(q, SQLITE, "SELECT users.name FROM users ORDER BY users.age DESC NULLS FIRST,"
        + " users.name NULLS LAST");
    assertSql(q, H2, "SELECT users.name FROM users ORDER BY users.age DESC NULLS FIRST,"
        + " users.name NULLS LAST");
    assertSql(q, MYSQL, "SELECT users.name FROM users ORDER BY users.age IS NULL DESC, users.age DESC,"
        + " users.name IS NULL, users.name");
  }

  @Test
  void emulatedNullOrderingRepeatsBoundValuesInOrder() {
    Select q = select(u.name).from(u).where(u.age.gt(1)).orderBy(u.age.plus(5).nullsLast()).limit(3);
    assertSql(q, MYSQL, "SELECT users.name FROM users WHERE users.age > ? ORDER BY (users.age + ?) IS NULL,"
        + " (users.age + ?) LIMIT ?", 1, 5, 5, 3);
    assertSql(q, POSTGRESQL, "SELECT users.name FROM users WHERE users.age > ?"
        + " ORDER BY (users.age + ?) NULLS LAST LIMIT ?", 1, 5, 3);
  }

  @Test
  void wholeTableExpandsToColumnsAndResultColumnsAreKeyedByExpression() {
    CompiledStatement c = selectFrom(u).compile(POSTGRESQL);
    assertEquals("SELECT users.id, users.name, users.age, users.active,"
        + " users.created FROM users", c.sql());
    assertEquals(5, c.resultColumns().size());
    ResultColumn name = c.resultColumns().get(1);
    assertSame(u.name, name.key());
    assertEquals("name", name.label());
    assertEquals(u.name.type(), name.type());
  }

  @Test
  void expressionsGetLabelsAndAliasesAreKeys() {
    NumberExpression<Long> n = count().as("n");
    Select q = select(u.name, n, u.age.max()).from(u).groupBy(u.name).having(count().gt(2L));
    CompiledStatement c = q.compile(SQLITE);
    assertEquals("SELECT users.name, COUNT(*) AS n, MAX(users.age) AS expr3 FROM users"
        + " GROUP BY users.name HAVING COUNT(*) > ?", c.sql());
    assertSame(n, c.resultColumns().get(1).key());
    assertEquals("n", c.resultColumns().get(1).label());
    assertEquals("expr3", c.resultColumns().get(2).label());
  }

  @Test
  void distinctAndSelectWithoutFrom() {
    assertSql(selectDistinct(u.age).from(u), POSTGRESQL, "SELECT DISTINCT users.age FROM users");
    assertSql(select(u.age).from(u).distinct(), MYSQL, "SELECT DISTINCT users.age FROM users");
    assertSql(select(val(1)), H2, "SELECT ? AS expr1", 1);
  }

  @Test
  void joins() {
    Users manager = u.as("m");
    Select q = select(u.name, o.total).from(u)
        .join(o, o.userId.eq(u.id))
        .leftJoin(manager, manager.id.eq(u.age.cast(dev.quarry.types.SqlTypes.BIGINT)))
        .rightJoin(o.as("o2"), o.as("o2").id.eq(o.id))
        .fullJoin(u.as("x"), u.as("x").id.eq(u.id));
    assertSql(q, POSTGRESQL, "SELECT users.name, shop.orders.total FROM users"
        + " JOIN shop.orders ON shop.orders.user_id = users.id"
        + " LEFT JOIN users AS m ON m.id = CAST(users.age AS BIGINT)"
        + " RIGHT JOIN shop.orders AS o2 ON o2.id = shop.orders.id"
        + " FULL JOIN users AS x ON x.id = users.id");
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> q.compile(MYSQL));
    assertEquals("MySQL has no FULL JOIN; combine a LEFT JOIN and a RIGHT JOIN with unionAll(...)", e.getMessage());
    e = assertThrows(UnsupportedOperationException.class, () -> q.compile(H2));
    assertTrue(e.getMessage().startsWith("H2 has no FULL JOIN"), e.getMessage());
    assertSql(select(u.name).from(u).rightJoin(o, o.userId.eq(u.id)), MYSQL,
        "SELECT users.name FROM users RIGHT JOIN shop.orders ON shop.orders.user_id = users.id");
  }

  @Test
  void commaSeparatedFromAndWhereConditionsAreAnded() {
    Select q = select(u.name).from(u, o).where(o.userId.eq(u.id)).where(u.age.lt(30), o.status.eq("open"));
    assertSql(q, SQLITE, "SELECT users.name FROM users, shop.orders WHERE"
        + " shop.orders.user_id = users.id AND users.age < ? AND shop.orders.status = ?",
        30, "open");
  }

  @Test
  void forUpdateVariants() {
    Select q = select(u.id).from(u).where(u.id.eq(1L));
    String base = "SELECT users.id FROM users WHERE users.id = ?";
    assertSql(q.forUpdate(), POSTGRESQL, base + " FOR UPDATE", 1L);
    assertSql(q.forUpdate(LockWait.NOWAIT), POSTGRESQL, base + " FOR UPDATE NOWAIT", 1L);
    assertSql(q.forUpdate(LockWait.SKIP_LOCKED), H2, base + " FOR UPDATE SKIP LOCKED", 1L);
    assertSql(q.forUpdate(LockWait.SKIP_LOCKED).limit(1), POSTGRESQL, base + " LIMIT ? FOR UPDATE SKIP LOCKED", 1L, 1);
    assertSql(q.forUpdate(LockWait.NOWAIT), MYSQL,
        "SELECT users.id FROM users WHERE users.id = ? FOR UPDATE NOWAIT", 1L);
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> q.forUpdate().compile(SQLITE));
    assertTrue(e.getMessage().contains("SQLite has no SELECT ... FOR UPDATE"), e.getMessage());
  }

  @Test
  void derivedTableAndScalarSubquery() {
    NumberExpression<java.math.BigDecimal> spentSelected = o.total.sum().as("spent");
    Select inner = select(o.userId, spentSelected).from(o).groupBy(o.userId);
    DerivedTable t = inner.as("t");
    NumberExpression<java.math.BigDecimal> spent = t.field(spentSelected);
    Select q = select(u.name, spent).from(u).join(t, t.field(o.userId).eq(u.id))
        .where(spent.gt(new java.math.BigDecimal("10")));
    assertSql(q, POSTGRESQL, "SELECT users.name, t.spent FROM users JOIN (SELECT"
        + " shop.orders.user_id, SUM(shop.orders.total) AS spent FROM shop.orders"
        + " GROUP BY shop.orders.user_id) AS t ON t.user_id = users.id"
        + " WHERE t.spent > ?", new java.math.BigDecimal("10"));
    assertEquals("spent", q.compile(POSTGRESQL).resultColumns().get(1).label());
    assertSql(select(t).from(t), SQLITE, "SELECT t.user_id, t.spent FROM (SELECT"
        + " shop.orders.user_id, SUM(shop.orders.total) AS spent FROM shop.orders"
        + " GROUP BY shop.orders.user_id) AS t");

    Expression<Long> orderCount = select(count()).from(o).where(o.userId.eq(u.id)).asScalar();
    assertSql(select(u.name, orderCount.as("orders")).from(u), SQLITE,
        "SELECT users.name, (SELECT COUNT(*) AS expr1 FROM shop.orders WHERE"
            + " shop.orders.user_id = users.id) AS orders FROM users");
    assertThrows(IllegalArgumentException.class, () -> select(u.id, u.name).from(u).asScalar());
    assertThrows(IllegalArgumentException.class, () -> t.field(u.age));
  }

  @Test
  void existsAndInSubquery() {
    Select hasOrders = select(o.id).from(o).where(o.userId.eq(u.id));
    assertSql(select(u.name).from(u).where(exists(hasOrders)), H2, "SELECT users.name FROM users WHERE EXISTS"
        + " (SELECT shop.orders.id FROM shop.orders WHERE shop.orders.user_id = users.id)");
    assertSql(select(u.name).from(u).where(notExists(hasOrders)), MYSQL, "SELECT users.name FROM users WHERE"
        + " NOT EXISTS (SELECT shop.orders.id FROM shop.orders WHERE shop.orders.user_id = users.id)");
    assertSql(select(u.name).from(u).where(u.id.in(select(o.userId).from(o).where(o.status.eq("paid")))), POSTGRESQL,
        "SELECT users.name FROM users WHERE users.id IN (SELECT shop.orders.user_id"
            + " FROM shop.orders WHERE shop.orders.status = ?)", "paid");
    assertSql(select(u.name).from(u).where(u.id.notIn(select(o.userId).from(o))), SQLITE,
        "SELECT users.name FROM users WHERE users.id NOT IN (SELECT shop.orders.user_id"
            + " FROM shop.orders)");
  }

  @Test
  void setOperations() {
    Select a = select(u.name).from(u).where(u.age.lt(20));
    Select b = select(o.status).from(o);
    assertSql(a.union(b), POSTGRESQL, "SELECT users.name FROM users WHERE users.age < ? UNION"
        + " SELECT shop.orders.status FROM shop.orders", 20);
    assertSql(a.unionAll(b).orderBy(u.name.desc()).limit(5), SQLITE, "SELECT users.name FROM users WHERE"
        + " users.age < ? UNION ALL SELECT shop.orders.status FROM shop.orders"
        + " ORDER BY name DESC LIMIT ?", 20, 5);
    assertSql(a.intersect(b).orderBy("name"), H2, "SELECT users.name FROM users WHERE users.age < ?"
        + " INTERSECT SELECT shop.orders.status FROM shop.orders ORDER BY name", 20);
    assertSql(a.except(b), MYSQL, "SELECT users.name FROM users WHERE users.age < ? EXCEPT"
        + " SELECT shop.orders.status FROM shop.orders", 20);
    assertSql(a.union(b).union(select(val("x"))), POSTGRESQL, "SELECT users.name FROM users WHERE"
        + " users.age < ? UNION SELECT shop.orders.status FROM shop.orders UNION SELECT ? AS expr1",
        20, "x");
    assertSql(a.union(b.limit(1)), SQLITE, "SELECT users.name FROM users WHERE users.age < ? UNION"
        + " SELECT * FROM (SELECT shop.orders.status FROM shop.orders LIMIT ?) AS set_right", 20, 1);
    assertThrows(IllegalArgumentException.class, () -> a.union(select(u.id, u.name).from(u)));
    assertThrows(IllegalArgumentException.class, () -> a.union(b).orderBy("nope"));
  }

  @Test
  void commonTableExpressions() {
    CommonTable adults = cte("adults", select(u.id, u.name).from(u).where(u.age.ge(18)));
    Select q = select(adults.field(u.name)).from(adults).with(adults).where(adults.field(u.id).gt(10L));
    assertSql(q, POSTGRESQL, "WITH adults (id, name) AS (SELECT users.id, users.name FROM"
        + " users WHERE users.age >= ?) SELECT adults.name FROM adults WHERE adults.id > ?",
        18, 10L);
    assertSql(q, MYSQL, "WITH adults (id, name) AS (SELECT users.id, users.name FROM"
        + " users WHERE users.age >= ?) SELECT adults.name FROM adults WHERE adults.id > ?", 18, 10L);
  }

  @Test
  void recursiveCommonTableExpression() {
    NumberExpression<Integer> one = val(1).as("n");
    CommonTable counter = recursiveCte("counter", select(one), t -> {
      NumberExpression<Integer> n = t.field(one);
      return select(n.plus(1)).from(t).where(n.lt(5));
    });
    assertTrue(counter.recursive());
    Select q = select(counter.field(one)).from(counter).with(counter);
    assertSql(q, SQLITE, "WITH RECURSIVE counter (n) AS (SELECT ? AS n UNION ALL SELECT (counter.n + ?)"
        + " AS expr1 FROM counter WHERE counter.n < ?) SELECT counter.n FROM counter", 1, 1, 5);
  }

  @Test
  void windowFunctions() {
    Select q = select(u.name,
        Sql.rowNumber().over(Sql.window().partitionBy(u.age).orderBy(u.name.desc())).as("rn"),
        Sql.rank().over(Sql.window().orderBy(u.age)),
        Sql.denseRank().over(Sql.window()),
        u.age.sum().over(Sql.window().partitionBy(u.active).orderBy(u.id)
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow())),
        count().over(),
        u.age.avg().over(Sql.window().orderBy(u.id).rangeBetween(Window.preceding(2), Window.following(3))))
        .from(u);
    assertSql(q, POSTGRESQL, "SELECT users.name, ROW_NUMBER() OVER (PARTITION BY users.age ORDER BY"
        + " users.name DESC) AS rn, RANK() OVER (ORDER BY users.age) AS expr3, DENSE_RANK() OVER ()"
        + " AS expr4, SUM(users.age) OVER (PARTITION BY users.active ORDER BY users.id ROWS"
        + " BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS expr5, COUNT(*) OVER () AS expr6,"
        + " AVG(users.age) OVER (ORDER BY users.id RANGE BETWEEN 2 PRECEDING AND 3 FOLLOWING) AS expr7"
        + " FROM users");
    assertThrows(IllegalArgumentException.class, () -> u.age.plus(1).over(Sql.window()));
    assertThrows(IllegalArgumentException.class, () -> Window.preceding(-1));
  }

  @Test
  void sortKeysAsStringsAreResolvedOrRejected() {
    Select base = select(u.id, u.name, count().as("n")).from(u).join(o, o.userId.eq(u.id)).groupBy(u.id, u.name);
    assertSql(base.orderBy("name", "-n", "age desc nulls last", "created asc"), POSTGRESQL,
        "SELECT users.id, users.name, COUNT(*) AS n FROM users JOIN shop.orders ON"
            + " shop.orders.user_id = users.id GROUP BY users.id, users.name ORDER BY"
            + " users.name, COUNT(*) DESC, users.age DESC NULLS LAST, users.created");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> base.orderBy("name; DROP TABLE users"));
    assertTrue(e.getMessage().startsWith("unknown sort key 'name; DROP TABLE users'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> base.orderBy("id"));
    assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
    assertSql(select(u.id).from(u).orderBy(Sql.sort(o, "-total")), SQLITE,
        "SELECT users.id FROM users ORDER BY shop.orders.total DESC");
    assertThrows(IllegalArgumentException.class, () -> Sql.sort(u, "password"));
  }

  @Test
  void buildersAreImmutable() {
    Select base = select(u.id).from(u);
    Select adults = base.where(u.age.ge(18));
    Select minors = base.where(u.age.lt(18)).orderBy(u.id.desc()).limit(3);
    assertSql(base, POSTGRESQL, "SELECT users.id FROM users");
    assertSql(adults, POSTGRESQL, "SELECT users.id FROM users WHERE users.age >= ?", 18);
    assertSql(minors, POSTGRESQL, "SELECT users.id FROM users WHERE users.age < ?"
        + " ORDER BY users.id DESC LIMIT ?", 18, 3);
    Insert one = Sql.insertInto(u).set(u.name, "a");
    one.set(u.age, 1);
    assertSql(one, SQLITE, "INSERT INTO users (name) VALUES (?)", "a");
    Update up = Sql.update(u).set(u.age, 1);
    up.where(u.id.eq(1L));
    assertSql(up, SQLITE, "UPDATE users SET age = ?", 1);
  }
}
