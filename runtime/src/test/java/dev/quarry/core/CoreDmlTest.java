package dev.quarry.core;

import static dev.quarry.core.CoreTables.ADDRESSES;
import static dev.quarry.core.CoreTables.ORDERS;
import static dev.quarry.core.CoreTables.ORDER_STATUS;
import static dev.quarry.core.CoreTables.ORDER_TOTAL;
import static dev.quarry.core.CoreTables.ORDER_USER;
import static dev.quarry.core.CoreTables.USERS;
import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.deleteFrom;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.selectFrom;
import static dev.quarry.sql.Sql.update;
import static dev.quarry.sql.Sql.val;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.core.CoreTables.Users;
import dev.quarry.engine.Connection;
import dev.quarry.engine.NoResultException;
import dev.quarry.engine.NonUniqueResultException;
import dev.quarry.engine.Result;
import dev.quarry.engine.Row;
import dev.quarry.engine.Transaction;
import dev.quarry.sql.Select;
import dev.quarry.sql.Update;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.Vendor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/** Inserts, updates, deletes, fetching and transactions as SQLAlchemy Core's tutorial shows them, on every database. */
class CoreDmlTest {
  private static final Users u = USERS;

  private static long userCount(Connection c) {
    return c.execute(select(count()).from(u)).scalar(dev.quarry.types.SqlTypes.BIGINT);
  }

  @AllDatabases
  void insertOneAndManyReturningTheirKeys(TestDatabase db) {
    CoreTables.metadata(db.vendor()).createAll(db.engine());
    try (Connection c = db.engine().connect()) {
      Row one = c.execute(insertInto(u).set(u.name, "spongebob").set(u.fullname, "Spongebob Squarepants")
          .returning(u.id)).one();
      long first = one.get(u.id);
      assertTrue(first > 0);
      List<Long> many = c.execute(insertInto(u).columns(u.name, u.age).values("sandy", 30).values("patrick", 40)
          .returning(u.id)).fetchAll().stream().map(r -> r.get(u.id)).toList();
      assertEquals(2, many.size(), "one key per inserted row: " + many);
      assertEquals(2, many.stream().distinct().count(), "distinct keys");
      assertFalse(many.contains(first));
      assertEquals("Spongebob Squarepants", c.execute(select(u.fullname).from(u).where(u.id.eq(first))).one()
          .get(u.fullname));
      assertEquals(many.get(1), CoreTables.id(c, "patrick"), "keys come back in row order");

      long inserted = c.executeUpdate(insertInto(ORDERS).columns(ORDER_USER, ORDER_TOTAL)
          .select(select(u.id, val(new BigDecimal("1.25"))).from(u).where(u.age.isNotNull())));
      assertEquals(2, inserted, "INSERT … SELECT");
      assertEquals(List.of("new", "new"), c.execute(select(ORDER_STATUS).from(ORDERS)).fetchAll().stream()
          .map(r -> r.get(ORDER_STATUS)).toList(), "server default filled in");
    }
  }

  @AllDatabases
  void updateAndDeleteReportRowCounts(TestDatabase db) {
    CoreTables.seed(db);
    try (Connection c = db.engine().connect()) {
      assertEquals(3, c.executeUpdate(update(u).set(u.age, u.age.plus(1)).where(u.age.isNotNull())));
      assertEquals(List.of(11, 31, 41), c.execute(select(u.age).from(u).where(u.age.isNotNull())
          .orderBy(u.age.asc())).fetchAll().stream().map(r -> r.get(u.age)).toList());
      assertEquals(1, c.executeUpdate(update(u).setNull(u.fullname).where(u.name.eq("patrick"))));
      assertNull(c.execute(select(u.fullname).from(u).where(u.name.eq("patrick"))).one().get(u.fullname));
      assertEquals(0, c.executeUpdate(update(u).set(u.age, 1).where(u.name.eq("nobody"))));
      assertEquals(2, c.executeUpdate(deleteFrom(ADDRESSES).where(ADDRESSES.email.like("%@sqlalchemy.org"))));
      assertEquals(1, c.executeUpdate(deleteFrom(u).where(u.name.eq("spongebob"))));
      assertEquals(0, c.execute(select(count()).from(ADDRESSES)).scalar(dev.quarry.types.SqlTypes.BIGINT),
          "ON DELETE CASCADE removed spongebob's last address");
      Update doubleSandy = update(u).set(u.age, u.age.times(2)).where(u.name.eq("sandy"));
      if (db.vendor() == Vendor.MARIADB) {
        // MariaDB has RETURNING on INSERT and DELETE only: refused before anything runs
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
            () -> c.execute(doubleSandy.returning(u.id, u.age)));
        assertEquals("MariaDB has no UPDATE ... RETURNING; run a SELECT in the same transaction instead",
            e.getMessage());
        assertEquals(1, c.executeUpdate(doubleSandy));
        assertEquals(62, c.execute(select(u.age).from(u).where(u.name.eq("sandy"))).one().get(u.age));
      } else {
        Row r = c.execute(doubleSandy.returning(u.id, u.age)).one();
        assertEquals(62, r.get(u.age), "UPDATE … RETURNING");
      }
      assertEquals(List.of("patrick"), c.execute(deleteFrom(u).where(u.age.eq(41)).returning(u.name)).fetchAll()
          .stream().map(x -> x.get(u.name)).toList(), "DELETE … RETURNING");
    }
  }

  @AllDatabases
  void fetchOneManyAllScalarFirstOne(TestDatabase db) {
    CoreTables.seed(db);
    Select byName = select(u.name).from(u).orderBy(u.name.asc());
    try (Connection c = db.engine().connect()) {
      try (Result r = c.execute(byName)) {
        assertEquals("patrick", r.fetchOne().get(u.name));
        assertEquals(List.of("sandy", "spongebob"), r.fetchMany(2).stream().map(x -> x.get(u.name)).toList());
        assertEquals(List.of("squidward"), r.fetchAll().stream().map(x -> x.get(u.name)).toList());
        assertNull(r.fetchOne());
        assertEquals(List.of(), r.fetchMany(5));
      }
      assertEquals("patrick", c.execute(byName).first().get(0));
      assertEquals("patrick", c.execute(byName).scalar());
      assertEquals("patrick", c.execute(byName.limit(1)).one().get("name"), "by label");
      assertThrows(NonUniqueResultException.class, () -> c.execute(byName).one());
      assertThrows(NoResultException.class, () -> c.execute(select(u.name).from(u).where(u.age.gt(99))).one());
      assertNull(c.execute(select(u.name).from(u).where(u.age.gt(99))).oneOrNull());
      List<String> streamed = new ArrayList<>();
      try (var rows = c.execute(byName, dev.quarry.engine.ExecutionOptions.fetchSize(2)).stream()) {
        rows.forEach(x -> streamed.add(x.get(u.name)));
      }
      assertEquals(4, streamed.size(), "streaming with a fetch size");
      record Person(String name, Integer age) {}
      assertEquals(new Person("sandy", 30), c.execute(selectFrom(u).where(u.name.eq("sandy"))).map(
          x -> new Person(x.get(u.name), x.get(u.age))).get(0));
    }
  }

  @AllDatabases
  void transactionsAutomaticAndManual(TestDatabase db) {
    CoreTables.seed(db);
    db.engine().runInTransaction(c -> c.executeUpdate(insertInto(u).set(u.name, "gary")));
    IllegalStateException boom = new IllegalStateException("boom");
    assertEquals(boom, assertThrows(IllegalStateException.class, () -> db.engine().runInTransaction(c -> {
      c.executeUpdate(insertInto(u).set(u.name, "larry"));
      throw boom;
    })));
    try (Connection c = db.engine().connect()) {
      assertEquals(5, userCount(c), "gary committed, larry rolled back");
      Transaction tx = c.begin();
      c.executeUpdate(deleteFrom(u).where(u.name.eq("gary")));
      assertEquals(4, userCount(c));
      tx.rollback();
      assertEquals(5, userCount(c));
      try (Transaction tx2 = c.begin()) {
        c.executeUpdate(deleteFrom(u).where(u.name.eq("gary")));
        tx2.commit();
      }
      try (Transaction tx3 = c.begin()) {
        c.executeUpdate(deleteFrom(u).where(u.name.eq("sandy")));
        assertTrue(tx3.isActive());
      } // closed without commit: rolled back
      assertEquals(4, userCount(c));
    }
  }

  @AllDatabases
  void savepointsRollBackOnlyTheirOwnWork(TestDatabase db) {
    CoreTables.seed(db);
    try (Connection c = db.engine().connect()) {
      try (Transaction outer = c.begin()) {
        c.executeUpdate(insertInto(u).set(u.name, "gary"));
        Transaction inner = c.beginNested();
        assertTrue(inner.isNested());
        c.executeUpdate(insertInto(u).set(u.name, "larry"));
        inner.rollback();
        Transaction kept = c.beginNested();
        c.executeUpdate(insertInto(u).set(u.name, "karen"));
        kept.commit();
        c.runInTransaction(x -> x.executeUpdate(insertInto(u).set(u.name, "pearl"))); // a savepoint, committed
        assertThrows(IllegalStateException.class, () -> c.runInTransaction(x -> {
          x.executeUpdate(insertInto(u).set(u.name, "plankton"));
          throw new IllegalStateException("undo plankton only");
        }));
        outer.commit();
      }
      assertEquals(List.of("gary", "karen", "patrick", "pearl", "sandy", "spongebob", "squidward"),
          c.execute(select(u.name).from(u).orderBy(u.name.asc())).fetchAll().stream().map(r -> r.get(u.name))
              .toList());
    }
  }

  @AllDatabases
  void inListsUpToTheBindLimitRun(TestDatabase db) {
    CoreTables.seed(db);
    assertInListOf(db, dev.quarry.sql.internal.Dialect.of(db.vendor()).maxBindParameters());
  }

  /**
   * Above the bind-parameter limit the list cannot travel as one parameter per value; it must
   * still run and find the same rows (the sql layer binds it as one array / JSON parameter).
   */
  @AllDatabases
  void inListsLongerThanTheBindLimitAreSplit(TestDatabase db) {
    CoreTables.seed(db);
    assertInListOf(db, dev.quarry.sql.internal.Dialect.of(db.vendor()).maxBindParameters() + 10);
  }

  private static void assertInListOf(TestDatabase db, int n) {
    List<Long> ids = LongStream.rangeClosed(1, n).boxed().toList();
    try (Connection c = db.engine().connect()) {
      long all = c.execute(select(count()).from(u).where(u.id.in(ids))).scalar(dev.quarry.types.SqlTypes.BIGINT);
      assertEquals(4, all, n + " values");
      long none = c.execute(select(count()).from(u).where(u.id.notIn(ids))).scalar(dev.quarry.types.SqlTypes.BIGINT);
      assertEquals(0, none);
    }
  }

  @AllDatabases
  void manyRowsFromMapsKeyedByColumn(TestDatabase db) {
    CoreTables.metadata(db.vendor()).createAll(db.engine());
    java.util.Map<dev.quarry.sql.Column<?>, Object> noAge = new java.util.HashMap<>();
    noAge.put(u.age, null);
    noAge.put(u.name, "sandy");
    try (Connection c = db.engine().connect()) {
      long inserted = c.executeUpdate(insertInto(u).rowsByColumn(java.util.List.of(
          java.util.Map.of(u.name, "spongebob", u.age, 20), // any key order: columns come from the first row
          java.util.Map.of(u.age, 30, u.name, "patrick"),
          noAge)));
      assertEquals(3, inserted);
      assertEquals(java.util.Arrays.asList(20, 30, null), c.execute(select(u.age).from(u).orderBy(u.id.asc()))
          .fetchAll().stream().map(r -> r.get(u.age)).toList());
      IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> insertInto(u).rowsByColumn(java.util.List.of(java.util.Map.of(u.name, "a", u.age, 1),
              java.util.Map.of(u.name, "b"))));
      assertEquals("a row for users has no value for column age; every row gives the columns [name, age] (use "
          + "null for NULL)", missing.getMessage().replace("[age, name]", "[name, age]"));
    }
  }
}
