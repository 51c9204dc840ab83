package dev.quarry.sql;

import static dev.quarry.sql.Rendering.assertSql;
import static dev.quarry.sql.Sql.deleteFrom;
import static dev.quarry.sql.Sql.excluded;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.set;
import static dev.quarry.sql.Sql.update;
import static dev.quarry.types.Vendor.H2;
import static dev.quarry.types.Vendor.MARIADB;
import static dev.quarry.types.Vendor.MYSQL;
import static dev.quarry.types.Vendor.POSTGRESQL;
import static dev.quarry.types.Vendor.SQLITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.CompiledStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INSERT, UPDATE, DELETE, upsert and RETURNING per dialect. */
class DmlRenderingTest {
  final Users u = Users.USERS;
  final Orders o = Orders.ORDERS;

  @Test
  void insertOneRow() {
    Insert i = insertInto(u).set(u.name, "Ann").set(u.age, 30);
    assertSql(i, POSTGRESQL, "INSERT INTO users (name, age) VALUES (?, ?)", "Ann", 30);
    assertSql(i, MYSQL, "INSERT INTO users (name, age) VALUES (?, ?)", "Ann", 30);
    assertSql(insertInto(u).columns(u.name, u.age).values("Bob", null), SQLITE,
        "INSERT INTO users (name, age) VALUES (?, ?)", "Bob", null);
    assertEquals("name", i.compile(H2).parameters().get(0).name());
    assertEquals(u.name.type(), i.compile(H2).parameters().get(0).type());
  }

  @Test
  void insertManyRowsAndExpressionsAsValues() {
    Insert i = insertInto(o).columns(o.userId, o.status).values(1L, "new").values(2L, Sql.val("x").upper());
    assertSql(i, POSTGRESQL, "INSERT INTO shop.orders (user_id, status) VALUES (?, ?), (?, UPPER(?))",
        1L, "new", 2L, "x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> insertInto(o).columns(o.userId, o.status).values(1L));
    assertTrue(e.getMessage().contains("has 2 columns"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> insertInto(o).columns(o.userId, o.userId));
    assertThrows(IllegalArgumentException.class, () -> insertInto(o).set(u.name, "not mine"));
    assertThrows(IllegalArgumentException.class, () -> insertInto(o).columns(o.userId).values("wrong type"));
    assertSql(insertInto(o).columns(o.userId, o.status).rows(List.of(List.of(1L, "a"), java.util.Arrays.asList(2L, null))),
        SQLITE, "INSERT INTO shop.orders (user_id, status) VALUES (?, ?), (?, ?)", 1L, "a", 2L, null);
  }

  @Test
  void insertAboveTheParameterLimitSendsOneArrayPerColumnWhereArraysBind() {
    List<List<?>> rows = new java.util.ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      rows.add(List.of(i, "s" + i));
    }
    Insert many = insertInto(o).columns(o.userId, o.status).rows(rows);
    CompiledStatement pg = many.compile(POSTGRESQL);
    assertEquals("INSERT INTO shop.orders (user_id, status) SELECT * FROM UNNEST(?, ?)", pg.sql());
    assertEquals(2, pg.parameters().size());
    assertEquals(20_000, ((Object[]) pg.parameters().get(1).value()).length);
    assertEquals("s19999", ((Object[]) pg.parameters().get(1).value())[19_999]);
    assertEquals(40_000, many.compile(SQLITE).parameters().size(), "sqlite-jdbc builds SQLite with a higher limit than 32,766 (CoreBindLimitTest inserts 100,000 values)");
    assertEquals(40_000, many.compile(H2).parameters().size(), "below H2's limit");
    List<List<?>> withExpression = new java.util.ArrayList<>(rows);
    withExpression.set(5, List.of(5L, Sql.val("x").upper()));
    assertEquals(40_000, insertInto(o).columns(o.userId, o.status).rows(withExpression).compile(POSTGRESQL)
        .parameters().size(), "an expression among the values: sent as it is");
  }

  @Test
  void insertDefaultValues() {
    assertSql(insertInto(u), POSTGRESQL, "INSERT INTO users DEFAULT VALUES");
    assertSql(insertInto(u), MYSQL, "INSERT INTO users () VALUES ()");
  }

  @Test
  void insertFromSelect() {
    Insert i = insertInto(o).columns(o.userId, o.status).select(select(u.id, u.name).from(u).where(u.age.gt(3)));
    assertSql(i, SQLITE, "INSERT INTO shop.orders (user_id, status) SELECT users.id,"
        + " users.name FROM users WHERE users.age > ?", 3);
    assertThrows(IllegalArgumentException.class, () -> insertInto(o).columns(o.userId).select(select(u.id, u.name).from(u)));
  }

  @Test
  void insertReturningUsesReturningOrGeneratedKeys() {
    Insert i = insertInto(u).set(u.name, "Ann").returning(u.id);
    CompiledStatement pg = i.compile(POSTGRESQL);
    assertEquals("INSERT INTO users (name) VALUES (?) RETURNING id", pg.sql());
    assertEquals(List.of(), pg.generatedKeys());
    assertSame(u.id, pg.resultColumns().get(0).key());
    assertSql(i, SQLITE, "INSERT INTO users (name) VALUES (?) RETURNING id", "Ann");
    assertSql(i, MARIADB, "INSERT INTO users (name) VALUES (?) RETURNING id", "Ann");
    for (var v : List.of(H2, MYSQL)) {
      CompiledStatement c = i.compile(v);
      assertEquals(List.of("id"), c.generatedKeys(), v.name());
      assertSame(u.id, c.resultColumns().get(0).key());
    }
    assertEquals("INSERT INTO users (name) VALUES (?)", i.compile(H2).sql());
    assertThrows(IllegalArgumentException.class, () -> insertInto(u).set(u.name, "x").returning(u.age.plus(1)).compile(H2));
    assertSql(insertInto(u).set(u.name, "x").returning(u.id, u.name.upper()), POSTGRESQL,
        "INSERT INTO users (name) VALUES (?) RETURNING id, UPPER(name) AS expr2", "x");
  }

  @Test
  void updateWithAssignments() {
    Update up = Sql.update(u).set(u.name, "Zed").set(u.age, u.age.plus(1)).where(u.id.eq(7L));
    assertSql(up, POSTGRESQL, "UPDATE users SET name = ?, age = (users.age + ?) WHERE users.id = ?",
        "Zed", 1, 7L);
    assertSql(up, MYSQL, "UPDATE users SET name = ?, age = (users.age + ?) WHERE users.id = ?", "Zed", 1, 7L);
    assertSql(Sql.update(u).setNull(u.age), SQLITE, "UPDATE users SET age = ?", (Object) null);
    Users a = u.as("a");
    assertSql(Sql.update(a).set(a.age, 1).where(a.id.eq(1L)), POSTGRESQL,
        "UPDATE users AS a SET age = ? WHERE a.id = ?", 1, 1L);
    assertThrows(IllegalStateException.class, () -> Sql.update(u).compile(POSTGRESQL));
    assertThrows(IllegalArgumentException.class, () -> Sql.update(u).set(u.age, 1).set(u.age, 2));
    assertThrows(IllegalArgumentException.class, () -> Sql.update(u).set(o.status, "x"));
  }

  @Test
  void updateReturningWhereSupported() {
    Update up = update(u).set(u.age, 1).where(u.id.eq(1L)).returning(u.id, u.age);
    assertSql(up, POSTGRESQL, "UPDATE users SET age = ? WHERE users.id = ? RETURNING id, age", 1, 1L);
    assertSql(up, SQLITE, "UPDATE users SET age = ? WHERE users.id = ? RETURNING id, age", 1, 1L);
    assertSql(up, H2, "SELECT id, age FROM FINAL TABLE (UPDATE users SET age = ? WHERE"
        + " users.id = ?)", 1, 1L);
    assertSql(update(u).set(u.age, 1).returning(u.age.plus(5)), H2,
        "SELECT (age + ?) AS expr1 FROM FINAL TABLE (UPDATE users SET age = ?)", 5, 1);
    for (var v : List.of(MYSQL, MARIADB)) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> up.compile(v));
      assertTrue(e.getMessage().contains("has no UPDATE ... RETURNING"), e.getMessage());
    }
  }

  @Test
  void delete() {
    Delete d = deleteFrom(u).where(u.age.lt(18), u.active.not());
    assertSql(d, POSTGRESQL, "DELETE FROM users WHERE users.age < ? AND NOT (users.active)", 18);
    assertSql(deleteFrom(o), MYSQL, "DELETE FROM shop.orders");
    assertSql(d.returning(u.id), MARIADB, "DELETE FROM users WHERE users.age < ? AND NOT (users.active)"
        + " RETURNING id", 18);
    assertSql(d.returning(u.id), SQLITE, "DELETE FROM users WHERE users.age < ? AND NOT (users.active)"
        + " RETURNING id", 18);
    assertThrows(UnsupportedOperationException.class, () -> d.returning(u.id).compile(MYSQL));
    assertSql(d.returning(u.id), H2, "SELECT id FROM OLD TABLE (DELETE FROM users WHERE users.age < ?"
        + " AND NOT (users.active))", 18);
  }

  @Test
  void upsertDoNothing() {
    Insert i = insertInto(u).columns(u.id, u.name).values(1L, "Ann").onConflict(u.id).doNothing();
    assertSql(i, POSTGRESQL, "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", 1L, "Ann");
    assertSql(i, SQLITE, "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", 1L, "Ann");
    for (var mysql : List.of(MYSQL, MARIADB)) {
      assertSql(i, mysql, "INSERT INTO users (id, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE id = id", 1L, "Ann");
    }
    assertSql(i, H2, "MERGE INTO users USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(50)))) AS excluded"
        + " (id, name) ON users.id = excluded.id WHEN NOT MATCHED THEN INSERT (id, name)"
        + " VALUES (excluded.id, excluded.name)", 1L, "Ann");
    // onConflict() without keys uses the primary key.
    assertEquals(i.compile(POSTGRESQL).sql(),
        insertInto(u).columns(u.id, u.name).values(1L, "Ann").onConflict().doNothing().compile(POSTGRESQL).sql());
  }

  @Test
  void upsertDoUpdate() {
    Insert i = insertInto(u).columns(u.id, u.name, u.age).values(1L, "Ann", 3).values(2L, "Bob", 4)
        .onConflict(u.id).doUpdate(u.name, u.age);
    assertSql(i, POSTGRESQL, "INSERT INTO users (id, name, age) VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT (id)"
        + " DO UPDATE SET name = EXCLUDED.name, age = EXCLUDED.age", 1L, "Ann", 3, 2L, "Bob", 4);
    assertSql(i, SQLITE, "INSERT INTO users (id, name, age) VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT (id)"
        + " DO UPDATE SET name = excluded.name, age = excluded.age", 1L, "Ann", 3, 2L, "Bob", 4);
    for (var mysql : List.of(MYSQL, MARIADB)) {
      assertSql(i, mysql, "INSERT INTO users (id, name, age) VALUES (?, ?, ?), (?, ?, ?) ON DUPLICATE KEY UPDATE"
          + " name = VALUES(name), age = VALUES(age)", 1L, "Ann", 3, 2L, "Bob", 4);
    }
    assertSql(i, H2, "MERGE INTO users USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(50)), CAST(? AS INTEGER)),"
        + " (CAST(? AS BIGINT), CAST(? AS VARCHAR(50)), CAST(? AS INTEGER))) AS excluded (id, name, age) ON"
        + " users.id = excluded.id WHEN MATCHED THEN UPDATE SET name = excluded.name, age ="
        + " excluded.age WHEN NOT MATCHED THEN INSERT (id, name, age) VALUES (excluded.id,"
        + " excluded.name, excluded.age)", 1L, "Ann", 3, 2L, "Bob", 4);
  }

  @Test
  void upsertWithAssignmentsAndReturning() {
    Insert i = insertInto(u).set(u.id, 1L).set(u.age, 1).onConflict(u.id)
        .doUpdate(set(u.age, u.age.plus(excluded(u.age))), set(u.name, "again")).returning(u.age);
    assertSql(i, POSTGRESQL, "INSERT INTO users (id, age) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET"
        + " age = (users.age + EXCLUDED.age), name = ? RETURNING age", 1L, 1, "again");
    assertSql(i, MYSQL, "INSERT INTO users (id, age) VALUES (?, ?) ON DUPLICATE KEY UPDATE"
        + " age = (users.age + VALUES(age)), name = ?", 1L, 1, "again");
    assertEquals(List.of("age"), i.compile(MYSQL).generatedKeys());
    // MariaDB returns the inserted or updated row itself
    assertSql(i, MARIADB, "INSERT INTO users (id, age) VALUES (?, ?) ON DUPLICATE KEY UPDATE"
        + " age = (users.age + VALUES(age)), name = ? RETURNING age", 1L, 1, "again");
    assertEquals(List.of(), i.compile(MARIADB).generatedKeys());
    assertThrows(IllegalArgumentException.class, () -> insertInto(u).set(u.name, "x").onConflict(u.id).doUpdate(new Column<?>[0]));
    Table noKey = Table.builder("log").column(ColumnSpec.of("msg", dev.quarry.types.SqlTypes.TEXT)).build();
    assertThrows(IllegalArgumentException.class, () -> insertInto(noKey).onConflict());
  }

  @Test
  void untypedTablesWork() {
    Table t = Table.builder("kv").column(ColumnSpec.of("k", dev.quarry.types.SqlTypes.varchar(10)).primaryKey())
        .column(ColumnSpec.of("v", dev.quarry.types.SqlTypes.INTEGER)).build();
    @SuppressWarnings("unchecked")
    Column<Integer> v = (Column<Integer>) t.column("v");
    assertSql(update(t).set(v, 5).where(((StringColumn) t.column("k")).eq("a")), POSTGRESQL,
        "UPDATE kv SET v = ? WHERE kv.k = ?", 5, "a");
  }
}
