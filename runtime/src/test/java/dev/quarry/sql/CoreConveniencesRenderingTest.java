package dev.quarry.sql;

import static dev.quarry.sql.Rendering.assertSql;
import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.exists;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.val;
import static dev.quarry.types.Vendor.POSTGRESQL;
import static dev.quarry.types.Vendor.SQLITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.types.SqlTypes;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** FROM inferred from the selected columns, client defaults on insert, and sort keys by property-style names. */
class CoreConveniencesRenderingTest {
  final Users u = Users.USERS;
  final Orders o = Orders.ORDERS;

  @Test
  void fromIsInferredFromTheSelectedColumnsInOrderOfFirstAppearance() {
    assertSql(select(u.name, u.age), POSTGRESQL, "SELECT users.name, users.age FROM users");
    assertSql(select(o.total, u.name.upper(), o.status), SQLITE, "SELECT shop.orders.total, UPPER(users.name)"
        + " AS expr2, shop.orders.status FROM shop.orders, users");
    assertSql(select(u.name, o.total).from(u).join(o, o.userId.eq(u.id)), POSTGRESQL, "SELECT users.name,"
        + " shop.orders.total FROM users JOIN shop.orders ON shop.orders.user_id = users.id");
    assertSql(select(u.name, o.total).from(o), POSTGRESQL, "SELECT users.name, shop.orders.total FROM"
        + " shop.orders, users", new Object[0]);
    Users a = u.as("a");
    assertSql(select(a.name, u.name), POSTGRESQL, "SELECT a.name, users.name FROM users AS a,"
        + " users");
    assertSql(select(val(1)), POSTGRESQL, "SELECT ? AS expr1", 1);
    assertSql(select(count()), POSTGRESQL, "SELECT COUNT(*) AS expr1");
  }

  @Test
  void scalarSubqueriesKeepTheirOwnFromAndCorrelateToTheEnclosingSelect() {
    Expression<java.math.BigDecimal> spent = select(o.total.sum()).where(o.userId.eq(u.id)).asScalar();
    assertSql(select(u.name, spent), POSTGRESQL, "SELECT users.name, (SELECT SUM(shop.orders.total) AS"
        + " expr1 FROM shop.orders WHERE shop.orders.user_id = users.id) AS expr2 FROM users");
    Expression<String> sameName = select(u.name.upper()).from(o).where(o.userId.eq(u.id)).limit(1).asScalar();
    assertSql(select(u.id, sameName).from(u), POSTGRESQL, "SELECT users.id, (SELECT UPPER(users.name) AS"
        + " expr1 FROM shop.orders WHERE shop.orders.user_id = users.id LIMIT ?) AS expr2 FROM"
        + " users", 1);
    assertSql(select(u.name).where(exists(select(o.id).where(o.userId.eq(u.id)))), POSTGRESQL, "SELECT users.name"
        + " FROM users WHERE EXISTS (SELECT shop.orders.id FROM shop.orders WHERE shop.orders.user_id ="
        + " users.id)");
    DerivedTable d = select(u.id, u.name).as("d");
    assertSql(select(d.field("name")).from(d).where(d.field("id").isNotNull()), POSTGRESQL, "SELECT d.name"
        + " FROM (SELECT users.id, users.name FROM users) AS d WHERE d.id IS NOT NULL");
  }

  @Test
  void clientDefaultsFillColumnsAnInsertDoesNotSet() {
    AtomicInteger next = new AtomicInteger(100);
    Table t = Table.builder("stamped")
        .column(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement())
        .column(ColumnSpec.of("name", SqlTypes.varchar(20)))
        .column(ColumnSpec.of("seq", SqlTypes.INTEGER).clientDefault(next::incrementAndGet))
        .build();
    Column<?> name = t.column("name");
    @SuppressWarnings("unchecked")
    Column<Integer> seq = (Column<Integer>) t.column("seq");
    assertSql(insertInto(t).set((StringColumn) name, "a"), POSTGRESQL,
        "INSERT INTO stamped (name, seq) VALUES (?, ?)", "a", 101);
    assertSql(insertInto(t).columns(name).values("b").values("c"), POSTGRESQL,
        "INSERT INTO stamped (name, seq) VALUES (?, ?), (?, ?)", "b", 102, "c", 103);
    assertSql(insertInto(t).set(seq, 7), POSTGRESQL, "INSERT INTO stamped (seq) VALUES (?)", 7);
    assertSql(insertInto(t), SQLITE, "INSERT INTO stamped (seq) VALUES (?)", 104);
    CompiledStatement fromSelect = insertInto(t).columns(name).select(select(u.name).from(u)).compile(POSTGRESQL);
    assertEquals("INSERT INTO stamped (name) SELECT users.name FROM users", fromSelect.sql(),
        "INSERT … SELECT takes its values from the query");
    assertEquals(105, next.incrementAndGet(), "the default was computed once per inserted row");
  }

  @Test
  void sortKeysMatchNamesIgnoringCaseAndUnderscores() {
    assertSql(select(o.id).from(o).orderBy("userId", "-STATUS"), POSTGRESQL, "SELECT shop.orders.id FROM"
        + " shop.orders ORDER BY shop.orders.user_id, shop.orders.status DESC");
    assertSql(select(u.name.upper().as("shout")).from(u).orderBy("Shout desc"), POSTGRESQL, "SELECT UPPER("
        + "users.name) AS shout FROM users ORDER BY UPPER(users.name) DESC");
    assertSql(select(o.id).from(o).orderBy(Sql.sort(o, "User_Id desc")), SQLITE, "SELECT shop.orders.id FROM"
        + " shop.orders ORDER BY shop.orders.user_id DESC");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> select(u.name, o.status).from(u).join(o, o.userId.eq(u.id)).orderBy("NAME", "ID"));
    assertEquals(true, e.getMessage().contains("ambiguous"), e.getMessage());
  }
}
