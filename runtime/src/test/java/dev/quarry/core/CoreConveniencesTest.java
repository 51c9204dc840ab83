package dev.quarry.core;

import static dev.quarry.core.CoreTables.ORDERS;
import static dev.quarry.core.CoreTables.ORDER_TOTAL;
import static dev.quarry.core.CoreTables.ORDER_USER;
import static dev.quarry.core.CoreTables.USERS;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.core.CoreTables.Users;
import dev.quarry.engine.Connection;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.Expression;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.StringColumn;
import dev.quarry.sql.Table;
import dev.quarry.sql.TemporalColumn;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** FROM inferred from the select list, Core client defaults and property-style sort keys, run on every database. */
class CoreConveniencesTest {
  private static final Users u = USERS;

  /** notes: a created-at filled in Java when an insert leaves it out. */
  static final class Notes extends Table {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());
    final StringColumn body = stringColumn(ColumnSpec.of("body", SqlTypes.varchar(50)).notNull());
    final TemporalColumn<LocalDateTime> createdAt = temporalColumn(ColumnSpec.of("created_at", SqlTypes.TIMESTAMP)
        .notNull().clientDefault(() -> LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)));

    Notes() {
      super(null, "notes", null);
    }
  }

  private static final Notes n = new Notes();

  @AllDatabases
  void selectWithoutFromReadsTheTablesOfItsColumns(TestDatabase db) {
    CoreTables.seed(db);
    Expression<BigDecimal> spent = select(ORDER_TOTAL.sum()).where(ORDER_USER.eq(u.id)).asScalar();
    try (Connection c = db.engine().connect()) {
      assertEquals(List.of("patrick", "sandy", "spongebob", "squidward"), c.execute(select(u.name, u.age)
          .orderBy(u.name.asc())).fetchAll().stream().map(r -> r.get(u.name)).toList());
      assertEquals(List.of("sandy=30", "spongebob=5.5"), c.execute(select(u.name, spent).where(spent.isNotNull())
          .orderBy(u.name.asc())).fetchAll().stream()
          .map(r -> r.get(u.name) + "=" + r.get(spent).stripTrailingZeros().toPlainString()).toList(),
          "the correlated subquery reads orders; the outer select reads users");
      assertEquals(3L, c.execute(select(ORDER_TOTAL.count())).scalar(SqlTypes.BIGINT));
    }
  }

  @AllDatabases
  void clientDefaultsAreAppliedToSingleAndMultiRowInserts(TestDatabase db) {
    Metadata.of(n).createAll(db.engine());
    LocalDateTime before = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    LocalDateTime fixed = LocalDateTime.of(2020, 1, 2, 3, 4, 5);
    try (Connection c = db.engine().connect()) {
      c.executeUpdate(insertInto(n).set(n.body, "one"));
      c.executeUpdate(insertInto(n).columns(n.body).values("two").values("three"));
      c.executeUpdate(insertInto(n).rowsByColumn(List.of(Map.of(n.body, "four"))));
      c.executeUpdate(insertInto(n).set(n.body, "set").set(n.createdAt, fixed));
      var rows = c.execute(select(n.body, n.createdAt).orderBy(n.id.asc())).fetchAll();
      assertEquals(List.of("one", "two", "three", "four", "set"), rows.stream().map(r -> r.get(n.body)).toList());
      for (var r : rows.subList(0, 4)) {
        LocalDateTime at = r.get(n.createdAt);
        assertNotNull(at);
        assertFalse(at.isBefore(before), at + " is the insert's time");
        assertTrue(at.isBefore(before.plusMinutes(5)), at + " is the insert's time");
      }
      assertEquals(fixed, rows.get(4).get(n.createdAt), "a value the insert sets wins");
    }
  }

  @AllDatabases
  void sortKeysByPropertyStyleNamesAndLabelsIgnoringCase(TestDatabase db) {
    CoreTables.seed(db);
    try (Connection c = db.engine().connect()) {
      assertEquals(List.of("5.5", "20", "10"), c.execute(select(ORDER_TOTAL, ORDER_USER).from(ORDERS)
          .orderBy("userId", "-TOTAL")).fetchAll().stream()
          .map(r -> r.get(ORDER_TOTAL).stripTrailingZeros().toPlainString()).toList());
      Expression<String> shout = u.name.upper().as("Shout");
      assertEquals(List.of("SQUIDWARD", "SPONGEBOB", "SANDY", "PATRICK"), c.execute(select(shout).from(u)
          .orderBy("shout desc")).fetchAll().stream().map(r -> r.get(shout)).toList());
    }
  }
}
