package dev.quarry.core;

import static dev.quarry.core.CoreTables.ORDERS;
import static dev.quarry.core.CoreTables.ORDER_ID;
import static dev.quarry.core.CoreTables.ORDER_TOTAL;
import static dev.quarry.core.CoreTables.ORDER_USER;
import static dev.quarry.core.CoreTables.USERS;
import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.cte;
import static dev.quarry.sql.Sql.denseRank;
import static dev.quarry.sql.Sql.excluded;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.rank;
import static dev.quarry.sql.Sql.recursiveCte;
import static dev.quarry.sql.Sql.resultColumn;
import static dev.quarry.sql.Sql.rowNumber;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.set;
import static dev.quarry.sql.Sql.text;
import static dev.quarry.sql.Sql.val;
import static dev.quarry.sql.Sql.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.core.CoreTables.Users;
import dev.quarry.engine.Connection;
import dev.quarry.engine.LockTimeoutException;
import dev.quarry.engine.Row;
import dev.quarry.engine.Transaction;
import dev.quarry.sql.CommonTable;
import dev.quarry.sql.Expression;
import dev.quarry.sql.LockWait;
import dev.quarry.sql.NumberExpression;
import dev.quarry.sql.Select;
import dev.quarry.sql.Window;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.math.BigDecimal;
import java.util.List;

/** Window functions, CTEs, upserts, row locks and raw text from SQLAlchemy Core's tutorial, on every database. */
class CoreAdvancedTest {
  private static final Users u = USERS;

  private static List<Row> rows(TestDatabase db, dev.quarry.engine.Executable query) {
    try (Connection c = db.engine().connect()) {
      return c.execute(query).fetchAll();
    }
  }

  @AllDatabases
  void windowFunctions(TestDatabase db) {
    CoreTables.seed(db);
    db.engine().runInTransaction(c -> c.executeUpdate(insertInto(ORDERS).columns(ORDER_USER, ORDER_TOTAL)
        .values(CoreTables.id(c, "sandy"), new BigDecimal("20.00"))));
    Window perUser = window().partitionBy(ORDER_USER).orderBy(ORDER_TOTAL.desc());
    NumberExpression<Long> rowNo = rowNumber().over(perUser).as("rn");
    NumberExpression<Long> rnk = rank().over(perUser).as("rnk");
    NumberExpression<Long> dense = denseRank().over(perUser).as("dense");
    NumberExpression<Long> perUserCount = count().over(window().partitionBy(ORDER_USER)).as("n");
    NumberExpression<BigDecimal> running = ORDER_TOTAL.sum().over(window().orderBy(ORDER_ID.asc())
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow())).as("running");
    List<Row> r = rows(db, select(u.name, ORDER_TOTAL, rowNo, rnk, dense, perUserCount, running)
        .from(ORDERS).join(u, u.id.eq(ORDER_USER)).orderBy(u.name.asc(), rowNo.asc()));
    assertEquals(List.of("sandy", "sandy", "sandy", "spongebob"), r.stream().map(x -> x.get(u.name)).toList());
    assertEquals(List.of(1L, 2L, 3L, 1L), r.stream().map(x -> x.get(rowNo)).toList());
    assertEquals(List.of(1L, 1L, 3L, 1L), r.stream().map(x -> x.get(rnk)).toList(), "RANK leaves gaps after ties");
    assertEquals(List.of(1L, 1L, 2L, 1L), r.stream().map(x -> x.get(dense)).toList());
    assertEquals(List.of(3L, 3L, 3L, 1L), r.stream().map(x -> x.get(perUserCount)).toList());
    List<Row> byId = rows(db, select(ORDER_ID, running).from(ORDERS).orderBy(ORDER_ID.asc()));
    List<BigDecimal> expected = List.of(new BigDecimal("10"), new BigDecimal("30"), new BigDecimal("35.5"),
        new BigDecimal("55.5"));
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(0, expected.get(i).compareTo(byId.get(i).get(running)), "running total " + i);
    }
  }

  @AllDatabases
  void commonTableExpressionsIncludingRecursive(TestDatabase db) {
    CoreTables.seed(db);
    CommonTable adults = cte("adults", select(u.id, u.name).from(u).where(u.age.ge(18)));
    assertEquals(List.of("patrick", "sandy"), rows(db, select(adults.field(u.name)).from(adults).with(adults)
        .orderBy(adults.field(u.name).asc())).stream().map(x -> (String) x.get(0)).toList());
    CommonTable withOrders = cte("big_spenders", select(ORDER_USER).from(ORDERS).groupBy(ORDER_USER)
        .having(count().ge(2L)));
    assertEquals(List.of("sandy"), rows(db, select(u.name).from(u).join(withOrders,
        withOrders.field(ORDER_USER).eq(u.id)).with(withOrders)).stream().map(x -> x.get(u.name)).toList());

    NumberExpression<Integer> one = val(1).as("n");
    CommonTable counter = recursiveCte("counter", select(one), t -> {
      NumberExpression<Integer> n = t.field(one);
      return select(n.plus(1)).from(t).where(n.lt(5));
    });
    NumberExpression<Integer> n = counter.field(one);
    assertEquals(List.of(1, 2, 3, 4, 5), rows(db, select(n).from(counter).with(counter).orderBy(n.asc())).stream()
        .map(x -> ((Number) x.get(0)).intValue()).toList());
  }

  @AllDatabases
  void upsertDoNothingAndDoUpdate(TestDatabase db) {
    CoreTables.seed(db);
    try (Connection c = db.engine().connect()) {
      c.executeUpdate(insertInto(u).set(u.name, "sandy").set(u.age, 99).onConflict(u.name).doNothing());
      assertEquals(30, ageOf(c, "sandy"), "DO NOTHING kept the row");
      c.executeUpdate(insertInto(u).set(u.name, "sandy").set(u.age, 31).onConflict(u.name).doUpdate(u.age));
      assertEquals(31, ageOf(c, "sandy"), "DO UPDATE took the inserted value");
      c.executeUpdate(insertInto(u).set(u.name, "sandy").set(u.age, 5).onConflict(u.name)
          .doUpdate(set(u.age, u.age.plus(excluded(u.age)))));
      assertEquals(36, ageOf(c, "sandy"), "DO UPDATE with an expression over the existing and inserted rows");
      c.executeUpdate(insertInto(u).set(u.name, "gary").set(u.age, 2).onConflict(u.name).doUpdate(u.age));
      assertEquals(2, ageOf(c, "gary"), "no conflict: inserted");
      assertEquals(5L, c.execute(select(count()).from(u)).scalar(SqlTypes.BIGINT));
      if (db.vendor() != Vendor.H2) { // H2's MERGE returns generated keys only
        Row updated = c.execute(insertInto(u).set(u.name, "gary").set(u.age, 3).onConflict(u.name).doUpdate(u.age)
            .returning(u.age)).one();
        assertEquals(3, updated.get(u.age), "RETURNING gives the row as updated");
      }
    }
  }

  private static int ageOf(Connection c, String name) {
    return c.execute(select(u.age).from(u).where(u.name.eq(name))).one().get(u.age);
  }

  @AllDatabases
  void selectForUpdateLocksRows(TestDatabase db) {
    CoreTables.seed(db);
    Select sandy = select(u.id, u.age).from(u).where(u.name.eq("sandy"));
    if (db.vendor() == Vendor.SQLITE) {
      assertThrows(UnsupportedOperationException.class, () -> rows(db, sandy.forUpdate()),
          "SQLite locks the whole database; FOR UPDATE is refused, not silently dropped");
      return;
    }
    try (Connection holder = db.engine().connect(); Connection other = db.engine().connect()) {
      try (Transaction tx = holder.begin()) {
        assertEquals(30, holder.execute(sandy.forUpdate()).one().get(u.age));
        try (Transaction tx2 = other.begin()) {
          assertTrue(tx2.isActive());
          assertThrows(LockTimeoutException.class, () -> other.execute(sandy.forUpdate(LockWait.NOWAIT)).fetchAll());
        }
        if (db.vendor() == Vendor.POSTGRESQL || db.vendor() == Vendor.MARIADB) {
          try (Transaction tx3 = other.begin()) {
            assertTrue(tx3.isActive());
            assertEquals(List.of(), other.execute(sandy.forUpdate(LockWait.SKIP_LOCKED)).fetchAll(),
                "SKIP LOCKED skips the locked row");
          }
        }
        tx.commit();
      }
    }
  }

  @AllDatabases
  void textWithNamedParameters(TestDatabase db) {
    CoreTables.seed(db);
    Expression<String> name = resultColumn("name", SqlTypes.VARCHAR);
    List<Row> r = rows(db, text(db.quoted("SELECT name, age FROM users WHERE age > :min_age"
        + " AND name <> :skip ORDER BY name"))
        .bind("min_age", 15).bind("skip", "nobody").columns(name, u.age));
    assertEquals(List.of("patrick", "sandy"), r.stream().map(x -> x.get(name)).toList());
    assertEquals(List.of(40, 30), r.stream().map(x -> x.get(u.age)).toList(), "typed result columns");
    Expression<String> literal = resultColumn("lit", SqlTypes.VARCHAR);
    Row lit = rows(db, text(db.quoted("SELECT ':not_a_param' AS lit, name FROM users WHERE name = :n"))
        .bind("n", "sandy").columns(literal, name)).get(0);
    assertEquals(":not_a_param", lit.get(literal));
    assertEquals(1, text("SELECT :a + :a AS x").bind("a", 1).parameterNames().size(), "a name used twice");
    if (db.vendor() == Vendor.POSTGRESQL) {
      Expression<String> cast = resultColumn("c", SqlTypes.VARCHAR);
      assertEquals("42:x", rows(db, text("SELECT :v::text || ':x' AS c").bind("v", 42).columns(cast)).get(0)
          .get(cast), ":: is a cast, not a parameter");
    }
  }
}
