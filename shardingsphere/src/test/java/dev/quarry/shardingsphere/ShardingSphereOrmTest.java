package dev.quarry.shardingsphere;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.orm.KeysetPage;
import dev.quarry.orm.Page;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.Synchronize;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Quarry sessions through ShardingSphere-JDBC: entities sharded by {@code user_id % 2} over two databases. */
class ShardingSphereOrmTest {
  private static final QShardedOrder O = QShardedOrder.shardedOrder;
  private final Shards shards = Shards.shared();
  private final SessionFactory sessions = SessionFactory.builder(shards.engine).build();

  @BeforeEach
  void empty() {
    shards.clear();
  }

  private void addSix() {
    try (Session s = sessions.openSession()) {
      for (long id = 1; id <= 6; id++) {
        s.add(new ShardedOrder(id, 10 + id, id % 3 == 0 ? "paid" : "new", (int) id * 10));
      }
      s.commit(); // one flush: a batch of INSERTs, routed row by row
    }
  }

  private List<Long> ids(List<ShardedOrder> orders) {
    return orders.stream().map(ShardedOrder::getOrderId).toList();
  }

  @Test
  void flushInsertsEveryObjectIntoTheDatabaseOfItsShardKey() {
    addSix();
    assertEquals(List.of(2L, 4L, 6L), shards.column(0, "SELECT order_id FROM t_order ORDER BY 1"));
    assertEquals(List.of(1L, 3L, 5L), shards.column(1, "SELECT order_id FROM t_order ORDER BY 1"));
  }

  @Test
  void getByIdFindsTheRowOnWhicheverDatabaseHoldsIt() {
    addSix();
    try (Session s = sessions.openSession()) {
      // the id is no shard key: ShardingSphere asks both databases, one answers
      ShardedOrder five = s.get(ShardedOrder.class, 5L);
      assertEquals(15L, five.getUserId());
      assertEquals(50, five.getAmount());
      assertNull(s.get(ShardedOrder.class, 99L));
    }
  }

  @Test
  void queriesByShardKeyAndAcrossShards() {
    addSix();
    try (Session s = sessions.openSession()) {
      assertEquals(List.of(3L), ids(s.select(ShardedOrder.class).where(O.userId.eq(13L)).list()));
      assertEquals(List.of(6L, 5L, 4L), ids(s.select(ShardedOrder.class).orderBy(O.amount.desc()).limit(3).list()));
      assertEquals(List.of(3L, 6L), ids(s.select(ShardedOrder.class).where(O.status.eq("paid"))
          .orderBy(O.orderId.asc()).list()));
      assertEquals(6, s.select(ShardedOrder.class).count());
      assertEquals(true, s.select(ShardedOrder.class).where(O.userId.eq(16L)).exists());
      Page<ShardedOrder> page = s.select(ShardedOrder.class).orderBy(O.orderId.asc()).page(2, 4);
      assertEquals(List.of(5L, 6L), ids(page.items()));
      assertEquals(6, page.total());
      KeysetPage<ShardedOrder, Long> keyset = s.select(ShardedOrder.class).keyset(O.orderId, 2L, 3);
      assertEquals(List.of(3L, 4L, 5L), ids(keyset.items()));
      assertEquals(5L, keyset.nextAfter());
    }
  }

  @Test
  void dirtyObjectsAreUpdatedAndDeletedObjectsDeletedOnTheirDatabase() {
    addSix();
    try (Session s = sessions.openSession()) {
      s.get(ShardedOrder.class, 1L).setStatus("shipped");
      s.get(ShardedOrder.class, 2L).setStatus("shipped");
      s.commit();
    }
    assertEquals(List.of("shipped"), shards.column(1, "SELECT status FROM t_order WHERE order_id = 1"));
    assertEquals(List.of("shipped"), shards.column(0, "SELECT status FROM t_order WHERE order_id = 2"));
    try (Session s = sessions.openSession()) {
      s.delete(s.get(ShardedOrder.class, 3L));
      s.delete(s.get(ShardedOrder.class, 4L));
      s.commit();
    }
    assertEquals(List.of(2L, 6L), shards.column(0, "SELECT order_id FROM t_order ORDER BY 1"));
    assertEquals(List.of(1L, 5L), shards.column(1, "SELECT order_id FROM t_order ORDER BY 1"));
  }

  @Test
  void bulkInsertAndBulkDelete() {
    try (Session s = sessions.openSession()) {
      s.bulkInsert(ShardedOrder.class, List.of(new ShardedOrder(200, 200, "b", 1), new ShardedOrder(201, 201, "b", 1)));
      s.commit();
    }
    assertEquals(List.of(200L), shards.column(0, "SELECT order_id FROM t_order"));
    assertEquals(List.of(201L), shards.column(1, "SELECT order_id FROM t_order"));
    try (Session s = sessions.openSession()) {
      assertEquals(2, s.bulkDelete(ShardedOrder.class).filterBy("status", "b").execute(Synchronize.EVALUATE));
      s.commit();
    }
    assertEquals(List.of(), shards.column(1, "SELECT order_id FROM t_order"));
  }

  @Test
  void uuidIdsAreMadeByQuarryAndNeverCollide() {
    ShardedNote even = new ShardedNote(2, "even");
    ShardedNote odd = new ShardedNote(3, "odd");
    try (Session s = sessions.openSession()) {
      s.add(even);
      s.add(odd);
      s.commit();
    }
    assertEquals(List.of(even.getId()), shards.column(0, "SELECT id FROM t_note"));
    assertEquals(List.of(odd.getId()), shards.column(1, "SELECT id FROM t_note"));
    try (Session s = sessions.openSession()) {
      assertEquals("odd", s.get(ShardedNote.class, odd.getId()).getText());
      assertNull(s.get(ShardedNote.class, UUID.randomUUID()));
    }
  }

  @Test
  void identityIdsFromShardingSphereSnowflakeGeneratorAreReadBackAsGeneratedKeys() {
    ShardedEvent even = new ShardedEvent(4, "even");
    ShardedEvent odd = new ShardedEvent(5, "odd");
    try (Session s = sessions.openSession()) {
      s.add(even);
      s.add(odd);
      s.commit();
    }
    // Quarry leaves the IDENTITY column out of the INSERT; ShardingSphere adds a SNOWFLAKE value
    // and hands it back through getGeneratedKeys(), which is where Quarry reads IDENTITY keys
    assertNotNull(even.getId());
    assertNotNull(odd.getId());
    assertNotEquals(even.getId(), odd.getId());
    assertEquals(List.of(even.getId()), shards.column(0, "SELECT id FROM t_event"));
    assertEquals(List.of(odd.getId()), shards.column(1, "SELECT id FROM t_event"));
    try (Session s = sessions.openSession()) {
      assertEquals("odd", s.get(ShardedEvent.class, odd.getId()).getKind());
    }
  }
}
