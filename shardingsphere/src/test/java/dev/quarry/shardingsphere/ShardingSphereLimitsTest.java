package dev.quarry.shardingsphere;

import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.text;
import static dev.quarry.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Connection;
import dev.quarry.engine.DatabaseException;
import dev.quarry.engine.Engine;
import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.engine.ProgrammingException;
import dev.quarry.engine.Row;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.Synchronize;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.shardingsphere.infra.exception.core.external.ShardingSphereExternalException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What ShardingSphere-JDBC 5.5.2 does not do, or does differently, with the SQL Quarry writes for
 * PostgreSQL; each test records one finding of {@code docs/shardingsphere.md}.
 */
class ShardingSphereLimitsTest {
  private static final QShardedOrder O = QShardedOrder.shardedOrder;
  private final Shards shards = Shards.shared();

  @BeforeEach
  void empty() {
    shards.clear();
  }

  private void insert(Connection c, long orderId, long userId) {
    c.executeUpdate(insertInto(O).columns(O.orderId, O.userId, O.status, O.amount).values(orderId, userId, "new", 1));
  }

  @Test
  void returningRowsAreDroppedByShardingSphereAndQuarryRefusesTheEmptyResult() {
    try (Connection c = shards.engine.connect()) {
      ProgrammingException insert = assertThrows(ProgrammingException.class, () -> c.execute(
          insertInto(O).columns(O.orderId, O.userId, O.status, O.amount).values(7L, 16L, "r", 1).returning(O.orderId)));
      assertTrue(insert.getMessage().contains("returned no result set"), insert.getMessage());
      // the statement did run: in autocommit its row is there
      assertEquals(List.of(7L), shards.column(0, "SELECT order_id FROM t_order"));
      assertThrows(ProgrammingException.class, () -> c.execute(
          update(O).set(O.status, "x").where(O.userId.eq(16L)).returning(O.orderId)));
    }
  }

  @Test
  void quotedIdentifiersAreRoutedLikePlainOnes() {
    try (Connection c = shards.engine.connect()) {
      c.executeUpdate(text("INSERT INTO \"t_order\" (\"order_id\", \"user_id\", \"status\", \"amount\") VALUES (1, 11, 'q', 1)"));
      assertEquals(List.of(1L), shards.column(1, "SELECT order_id FROM t_order"));
      assertEquals(1, c.execute(text("SELECT \"order_id\" FROM \"t_order\" WHERE \"user_id\" = 11")).fetchAll().size());
    }
    // an engine that quotes every name (IdentifierQuoting.EVERY_NAME) shards the same
    try (Engine every = ShardingSphereEngines.builder(shards.dataSource).identifierQuoting(IdentifierQuoting.EVERY_NAME)
        .build(); Connection c = every.connect()) {
      insert(c, 2, 12);
      assertEquals(List.of(2L), shards.column(0, "SELECT order_id FROM t_order"));
      assertEquals(1, c.execute(dev.quarry.sql.Sql.select(O.orderId).from(O).where(O.userId.eq(12L))).fetchAll().size());
    }
  }

  @Test
  void namesQuarryQuotesAreShardedToo() {
    QMixedCaseOrder m = QMixedCaseOrder.mixedCaseOrder;
    SessionFactory sessions = SessionFactory.builder(shards.engine).build();
    try (Session s = sessions.openSession()) {
      s.add(new MixedCaseOrder(1, 10, 5));
      s.add(new MixedCaseOrder(2, 11, 6));
      s.commit();
    }
    assertEquals(List.of(1L), shards.column(0, "SELECT id FROM \"OrderLines\""));
    assertEquals(List.of(2L), shards.column(1, "SELECT id FROM \"OrderLines\""));
    try (Session s = sessions.openSession()) {
      assertEquals(6, s.select(MixedCaseOrder.class).where(m.userId.eq(11L)).one().getOrder());
      assertEquals(6, s.select(MixedCaseOrder.class).orderBy(m.order.desc()).list().get(0).getOrder());
      assertEquals(2, s.select(MixedCaseOrder.class).count());
    }
  }

  @Test
  void aTableNoRuleNamesIsUnknownToShardingSphere() {
    // t_plain exists on both databases, but ShardingSphere 5.5 loads single tables only when a
    // !SINGLE rule lists them; its own unchecked exception escapes Quarry's translation
    try (Connection c = shards.engine.connect()) {
      ShardingSphereExternalException e = assertThrows(ShardingSphereExternalException.class,
          () -> c.execute(text("SELECT id FROM t_plain")));
      assertTrue(e.getMessage().contains("t_plain"), e.getMessage());
    }
  }

  @Test
  void anAggregateOverACommonTableExpressionCannotBeMerged() {
    try (Connection c = shards.engine.connect()) {
      insert(c, 1, 11);
      // each database counts its rows; merging the counts looks for a table x and finds none
      assertThrows(ShardingSphereExternalException.class,
          () -> c.execute(text("WITH x AS (SELECT order_id FROM t_order) SELECT count(*) FROM x")).fetchAll());
    }
  }

  @Test
  void windowFunctionsAreComputedPerDatabase() {
    try (Connection c = shards.engine.connect()) {
      for (long id = 1; id <= 4; id++) {
        insert(c, id, id);
      }
      List<Row> rows = c.execute(text("SELECT order_id, row_number() OVER (ORDER BY order_id) AS n FROM t_order"))
          .fetchAll();
      // each database numbers its own rows: 1, 2 twice instead of 1..4
      assertEquals(List.of(1L, 1L, 2L, 2L), rows.stream().map(r -> r.getLong("n")).sorted().toList());
    }
  }

  @Test
  void theShardKeyCannotBeUpdated() {
    try (Connection c = shards.engine.connect()) {
      insert(c, 1, 10);
      DatabaseException e = assertThrows(DatabaseException.class,
          () -> c.executeUpdate(update(O).set(O.userId, 11L).where(O.orderId.eq(1L))));
      assertEquals("44000", e.sqlState());
    }
  }

  @Test
  void aBulkDeleteThatFetchesItsRowsStillWorks() {
    try (Connection c = shards.engine.connect()) {
      insert(c, 1, 10);
      insert(c, 2, 11);
    }
    try (Session s = SessionFactory.builder(shards.engine).build().openSession()) {
      assertEquals(2, s.bulkDelete(ShardedOrder.class).where(O.status.eq("new")).execute(Synchronize.FETCH));
      s.commit();
    }
    assertEquals(List.of(), shards.column(0, "SELECT order_id FROM t_order"));
  }

  @Test
  void identityIdsWithoutAKeyGeneratorCollide() {
    ShardedVisit even = new ShardedVisit(2);
    ShardedVisit odd = new ShardedVisit(3);
    try (Session s = SessionFactory.builder(shards.engine).build().openSession()) {
      s.add(even);
      s.add(odd);
      s.commit();
    }
    // each database's identity column starts at 1: two rows, one id
    assertEquals(even.getId(), odd.getId());
    assertEquals(List.of(even.getId()), shards.column(0, "SELECT id FROM t_visit"));
    assertEquals(List.of(odd.getId()), shards.column(1, "SELECT id FROM t_visit"));
  }

  @Test
  void aSequenceExistsOncePerDatabaseSoSequenceIdsCollide() {
    // SELECT nextval(...) names no table: ShardingSphere sends it to either database, whose
    // sequences count independently, so the SEQUENCE strategy hands out the same block twice
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      try (Connection c = shards.engine.connect()) {
        values.add(((Number) c.execute(text("SELECT nextval('order_seq')")).scalar()).longValue());
      }
    }
    assertTrue(new HashSet<>(values).size() < values.size(), values.toString());
  }
}
