package dev.quarry.shardingsphere;

import static dev.quarry.sql.Sql.avg;
import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.deleteFrom;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.max;
import static dev.quarry.sql.Sql.min;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.selectDistinct;
import static dev.quarry.sql.Sql.sum;
import static dev.quarry.sql.Sql.text;
import static dev.quarry.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.engine.Connection;
import dev.quarry.engine.ExecutionOptions;
import dev.quarry.engine.IsolationLevel;
import dev.quarry.engine.PoolStatus;
import dev.quarry.engine.Row;
import dev.quarry.engine.Transaction;
import dev.quarry.engine.UniqueViolationException;
import dev.quarry.sql.Insert;
import dev.quarry.types.Vendor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quarry Core through ShardingSphere-JDBC: every statement on {@code t_order}, sharded by {@code user_id % 2}. */
class ShardingSphereCoreTest {
  private static final QShardedOrder O = QShardedOrder.shardedOrder;
  private final Shards shards = Shards.shared();

  @BeforeEach
  void empty() {
    shards.clear();
  }

  private static Insert order(long orderId, long userId, String status, int amount) {
    return insertInto(O).columns(O.orderId, O.userId, O.status, O.amount).values(orderId, userId, status, amount);
  }

  private List<Object> ids(int shard) {
    return shards.column(shard, "SELECT order_id FROM t_order ORDER BY order_id");
  }

  private static List<Long> orderIds(List<Row> rows) {
    return rows.stream().map(r -> r.getLong("order_id")).toList();
  }

  private void insertSix(Connection c) {
    for (long id = 1; id <= 6; id++) {
      c.executeUpdate(order(id, 10 + id, id % 3 == 0 ? "paid" : "new", (int) id * 10));
    }
  }

  @Test
  void theEngineIsThatOfTheStorageUnitsWithoutAPoolOfItsOwn() {
    assertEquals("Engine[PostgreSQL, ConnectionProvider]", shards.engine.toString());
    assertEquals(new PoolStatus(0, 0, 0, 0), shards.engine.poolStatus());
    try (Connection c = shards.engine.connect()) {
      // ShardingSphere's metadata reports its storage units' product: the engine needs no telling
      assertEquals(Vendor.POSTGRESQL, Vendor.fromProductName(productName(c)));
    }
  }

  @Test
  void insertsLandOnTheDatabaseOfTheirShardKey() {
    try (Connection c = shards.engine.connect()) {
      assertEquals(1, c.executeUpdate(order(1, 10, "new", 5)));
      assertEquals(1, c.executeUpdate(order(2, 11, "new", 7)));
      // one multi-row INSERT with rows for both shards: ShardingSphere splits its VALUES
      assertEquals(2, c.executeUpdate(insertInto(O).columns(O.orderId, O.userId, O.status, O.amount)
          .rows(List.of(List.of(3L, 12L, "new", 1), List.of(4L, 13L, "new", 2)))));
    }
    assertEquals(List.of(1L, 3L), ids(0));
    assertEquals(List.of(2L, 4L), ids(1));
  }

  @Test
  void batchInsertsAreRoutedRowByRow() {
    try (Connection c = shards.engine.connect()) {
      var batch = c.executeBatch(order(0, 0, "", 0), List.of(
          List.of(5L, 14L, "b", 3), List.of(6L, 15L, "b", 4), List.of(7L, 16L, "b", 5)));
      assertEquals(3, batch.totalCount());
    }
    assertEquals(List.of(5L, 7L), ids(0));
    assertEquals(List.of(6L), ids(1));
  }

  @Test
  void selectByShardKeyReadsOneDatabase() {
    try (Connection c = shards.engine.connect()) {
      insertSix(c);
      List<Row> rows = c.execute(select(O.orderId, O.status).from(O).where(O.userId.eq(12L))).fetchAll();
      assertEquals(List.of(2L), orderIds(rows));
      assertEquals(List.of(1L, 3L), orderIds(c.execute(select(O.orderId).from(O).where(O.userId.in(11L, 13L))
          .orderBy(O.orderId.asc())).fetchAll()));
      assertEquals(List.of(4L), orderIds(c.execute(text("SELECT order_id FROM t_order WHERE user_id = :u")
          .bind("u", 14L)).fetchAll()));
    }
  }

  @Test
  void crossShardSelectsAreMergedWithOrderByLimitAndOffset() {
    try (Connection c = shards.engine.connect()) {
      insertSix(c);
      assertEquals(List.of(6L, 5L, 4L), orderIds(c.execute(select(O.orderId).from(O)
          .orderBy(O.amount.desc()).limit(3)).fetchAll()));
      // ShardingSphere asks each database for LIMIT offset + count and skips the offset after merging
      assertEquals(List.of(3L, 4L), orderIds(c.execute(select(O.orderId).from(O)
          .orderBy(O.orderId.asc()).limit(2).offset(2)).fetchAll()));
      // a streamed read (fetch size) merges too
      assertEquals(6, c.execute(select(O.orderId).from(O), ExecutionOptions.fetchSize(2)).fetchAll().size());
    }
  }

  @Test
  void aggregatesAreMergedAcrossShards() {
    try (Connection c = shards.engine.connect()) {
      insertSix(c);
      assertEquals(6L, ((Number) c.execute(select(count()).from(O)).scalar()).longValue());
      Row r = c.execute(select(sum(O.amount), min(O.amount), max(O.amount), avg(O.amount)).from(O)).one();
      assertEquals(210L, ((Number) r.get(0)).longValue());
      assertEquals(10, ((Number) r.get(1)).intValue());
      assertEquals(60, ((Number) r.get(2)).intValue());
      // AVG is rewritten into SUM and COUNT per shard and divided after the merge
      assertEquals(35.0, ((Number) r.get(3)).doubleValue(), 1e-9);
      List<Row> groups = c.execute(select(O.status, count()).from(O).groupBy(O.status).orderBy(O.status.asc()))
          .fetchAll();
      assertEquals(List.of("new", "paid"), groups.stream().map(g -> g.getString(0)).toList());
      assertEquals(List.of(4L, 2L), groups.stream().map(g -> ((Number) g.get(1)).longValue()).toList());
      assertEquals(2, c.execute(selectDistinct(O.status).from(O)).fetchAll().size());
    }
  }

  @Test
  void updatesAndDeletesByShardKeyAndAcrossShards() {
    try (Connection c = shards.engine.connect()) {
      insertSix(c);
      assertEquals(1, c.executeUpdate(update(O).set(O.status, "shipped").where(O.userId.eq(11L))));
      assertEquals(List.of("shipped"), shards.column(1, "SELECT status FROM t_order WHERE order_id = 1"));
      // no shard key: every database runs it, the counts are added up
      assertEquals(4, c.executeUpdate(update(O).set(O.amount, O.amount.plus(1)).where(O.amount.gt(20))));
      assertEquals(List.of(31, 51), shards.column(1, "SELECT amount FROM t_order WHERE amount > 20 ORDER BY 1"));
      assertEquals(1, c.executeUpdate(deleteFrom(O).where(O.userId.eq(12L))));
      assertEquals(2, c.executeUpdate(deleteFrom(O).where(O.status.eq("paid"))));
    }
    assertEquals(List.of(4L), ids(0));
    assertEquals(List.of(1L, 5L), ids(1));
  }

  @Test
  void upsertsWorkWithinTheShardOfTheirKey() {
    try (Connection c = shards.engine.connect()) {
      c.executeUpdate(order(7, 16, "new", 1));
      assertEquals(0, c.executeUpdate(order(7, 16, "again", 1).onConflict(O.orderId).doNothing()));
      assertEquals(1, c.executeUpdate(order(7, 16, "upserted", 1).onConflict(O.orderId).doUpdate(O.status)));
    }
    assertEquals(List.of("upserted"), shards.column(0, "SELECT status FROM t_order WHERE order_id = 7"));
  }

  @Test
  void aKeyIsUniqueOnlyWithinOneDatabase() {
    try (Connection c = shards.engine.connect()) {
      c.executeUpdate(order(8, 20, "new", 1));
      // same shard: PostgreSQL's constraint, translated as usual
      assertThrows(UniqueViolationException.class, () -> c.executeUpdate(order(8, 22, "dup", 1)));
      // other shard: nothing checks the primary key across databases
      assertEquals(1, c.executeUpdate(order(8, 21, "dup", 1)));
      // and an upsert sees only the rows of its own database
      c.executeUpdate(order(9, 30, "new", 1));
      assertEquals(1, c.executeUpdate(order(9, 31, "dup", 1).onConflict(O.orderId).doNothing()));
    }
    assertEquals(List.of(8L, 9L), ids(0));
    assertEquals(List.of(8L, 9L), ids(1));
  }

  @Test
  void aLocalTransactionCommitsAndRollsBackOnBothDatabases() {
    shards.engine.runInTransaction(c -> {
      c.executeUpdate(order(1, 10, "t", 1));
      c.executeUpdate(order(2, 11, "t", 1));
    });
    assertEquals(List.of(1L), ids(0));
    assertEquals(List.of(2L), ids(1));
    assertThrows(IllegalStateException.class, () -> shards.engine.runInTransaction(c -> {
      c.executeUpdate(order(3, 12, "t", 1));
      c.executeUpdate(order(4, 13, "t", 1));
      throw new IllegalStateException("roll back");
    }));
    assertEquals(List.of(1L), ids(0));
    assertEquals(List.of(2L), ids(1));
    try (Connection c = shards.engine.connect(); Transaction t = c.begin()) {
      c.executeUpdate(order(5, 14, "t", 1));
      try (Transaction nested = c.beginNested()) {
        c.executeUpdate(order(6, 15, "t", 1));
        nested.rollback(); // a savepoint on every database the transaction has used
      }
      t.commit();
    }
    assertEquals(List.of(1L, 5L), ids(0));
    assertEquals(List.of(2L), ids(1));
  }

  @Test
  void lockingReadsAndIsolationPassThrough() {
    try (Connection c = shards.engine.connect()) {
      c.executeUpdate(order(1, 10, "new", 1));
      try (Transaction t = c.begin(dev.quarry.engine.TransactionOptions.isolation(IsolationLevel.SERIALIZABLE))) {
        assertEquals(List.of(1L), orderIds(c.execute(select(O.orderId).from(O).where(O.userId.eq(10L)).forUpdate())
            .fetchAll()));
        t.commit();
      }
      assertFalse(c.isInTransaction());
    }
  }

  private static String productName(Connection c) {
    try {
      return c.jdbc().getMetaData().getDatabaseProductName();
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
