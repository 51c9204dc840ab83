package dev.quarry.it;

import static dev.quarry.orm.Load.joined;
import static dev.quarry.orm.Load.noLoad;
import static dev.quarry.orm.Load.raise;
import static dev.quarry.orm.Load.selectIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.annotation.FetchType;
import dev.quarry.it.rel.OrderLine;
import dev.quarry.it.rel.QOrderLine;
import dev.quarry.it.rel.QReview;
import dev.quarry.it.rel.QShopOrder;
import dev.quarry.it.rel.QShopper;
import dev.quarry.it.rel.Review;
import dev.quarry.it.rel.ShopOrder;
import dev.quarry.it.rel.Shopper;
import dev.quarry.orm.DetachedInstanceException;
import dev.quarry.orm.EntityState;
import dev.quarry.orm.Load;
import dev.quarry.orm.ObjectDeletedException;
import dev.quarry.orm.ObjectStateException;
import dev.quarry.orm.RaiseLoadException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.Tuple;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code EntityQuery.untracked()}: the same loaders and statements as a tracked query, but the
 * objects stay out of the session (new objects per run, detached from birth, never flushed), with
 * one object per row within the query — on SQLite, H2 and PostgreSQL.
 */
class UntrackedQueryTest {
  private static final QShopper S = QShopper.shopper;
  private static final QShopOrder O = QShopOrder.shopOrder;

  private final StatementLog log = new StatementLog();

  /** Three shoppers with two orders each, each order with two lines; a review by shopper 0. */
  private SessionFactory create(TestDatabase db) {
    Metadata.of(S, O, QOrderLine.orderLine, QReview.review).createAll(db.engine());
    SessionFactory sessions = log.sessions(db.engine());
    try (Session s = sessions.openSession()) {
      List<Shopper> shoppers = new ArrayList<>();
      for (int u = 0; u < 3; u++) {
        Shopper shopper = new Shopper("shopper" + u);
        for (int o = 0; o < 2; o++) {
          ShopOrder order = new ShopOrder(u * 10 + o);
          order.setShopper(shopper);
          for (int l = 0; l < 2; l++) {
            OrderLine line = new OrderLine("sku" + u + o + l);
            line.setOrder(order);
            order.getLines().add(line);
          }
          shopper.getOrders().add(order);
        }
        shoppers.add(shopper);
        s.add(shopper);
      }
      s.add(new Review("fine", shoppers.get(0), shoppers.get(1)));
      s.commit();
    }
    log.clear();
    return sessions;
  }

  private List<String> sql() {
    return log.take();
  }

  private static List<Integer> totals(Shopper s) {
    return s.getOrders().stream().map(ShopOrder::getTotal).collect(Collectors.toList());
  }

  @AllDatabases
  void joinedGraphIsOneStatementAndTheSessionKeepsNothing(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<Shopper> shoppers = s.select(S).untracked().options(joined(S.orders)).orderBy(S.id.asc()).list();
      assertEquals(1, sql().size(), "one statement: the LEFT OUTER JOIN");
      assertEquals(3, shoppers.size(), "owners de-duplicated");
      assertEquals(List.of(0, 1), totals(shoppers.get(0)));
      assertEquals(List.of(20, 21), totals(shoppers.get(2)));
      for (Shopper shopper : shoppers) {
        assertEquals(EntityState.DETACHED, s.state(shopper));
        assertFalse(s.contains(shopper));
        for (ShopOrder order : shopper.getOrders()) {
          assertSame(shopper, order.getShopper(), "the other side of the loaded collection is linked");
          assertFalse(s.contains(order));
        }
      }
      assertEquals(0, s.statistics().identityMapSize());
      assertEquals(List.of(), sql(), "reading the graph runs nothing");
    }
  }

  /**
   * Two owners whose element rows alternate (same name, orders inserted in turn, rows sorted by
   * name then order id, or by order id in the select-in query): each row's owner differs from the
   * row before's, and the reader must find the owner it has already met, tracked and untracked.
   */
  @AllDatabases
  void ownersWhoseElementRowsAlternateEachGetTheirOwnElements(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      Shopper first = new Shopper("twin");
      Shopper second = new Shopper("twin");
      s.add(first);
      s.add(second);
      s.flush();
      for (int i = 0; i < 3; i++) {
        for (Shopper owner : List.of(first, second)) {
          ShopOrder order = new ShopOrder((owner == first ? 100 : 200) + i);
          order.setShopper(owner);
          owner.getOrders().add(order);
          s.flush(); // one INSERT at a time: the two owners' order ids alternate
        }
      }
      s.commit();
    }
    for (Load orders : List.of(joined(S.orders), selectIn(S.orders))) {
      for (boolean untracked : List.of(false, true)) {
        try (Session s = sessions.openSession()) {
          var query = s.select(S).options(orders).where(S.name.eq("twin")).orderBy(S.name.asc());
          log.clear();
          List<Shopper> twins = untracked ? query.untracked().list() : query.list();
          String how = orders + (untracked ? ", untracked" : ", tracked");
          assertEquals(orders.strategy() == FetchType.JOINED ? 1 : 2, sql().size(), how);
          assertEquals(2, twins.size(), "each owner once, although its rows alternate with the other's");
          assertEquals(List.of(100, 101, 102), totals(twins.get(0)), how);
          assertEquals(List.of(200, 201, 202), totals(twins.get(1)), how);
          for (Shopper twin : twins) {
            for (ShopOrder order : twin.getOrders()) {
              assertSame(twin, order.getShopper(), how);
            }
          }
        }
      }
    }
  }

  @AllDatabases
  void selectInThreeLevelsIsThreeStatements(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<Shopper> shoppers = s.select(S).untracked()
          .options(selectIn(S.orders).then(selectIn(O.lines))).orderBy(S.id.asc()).list();
      assertEquals(3, sql().size());
      ShopOrder second = shoppers.get(1).getOrders().get(1);
      assertEquals(11, second.getTotal());
      assertEquals(List.of("sku110", "sku111"),
          second.getLines().stream().map(OrderLine::getSku).collect(Collectors.toList()));
      assertSame(second, second.getLines().get(0).getOrder());
      assertEquals(List.of(), sql());
      assertEquals(0, s.statistics().identityMapSize());
    }
  }

  @AllDatabases
  void oneObjectPerRowWithinTheQuery(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<ShopOrder> orders = s.select(O).untracked().options(selectIn(O.shopper)).orderBy(O.id.asc()).list();
      assertEquals(2, sql().size());
      assertSame(orders.get(0).getShopper(), orders.get(1).getShopper(), "two orders, one shopper row");
      assertNotSame(orders.get(1).getShopper(), orders.get(2).getShopper());
      assertEquals("shopper2", orders.get(5).getShopper().getName());
    }
  }

  /**
   * A query that loads nothing reads its rows without entries; one whose join repeats a row still
   * gives one object per row — the join is what decides, not the missing options.
   */
  @AllDatabases
  void aJoinThatRepeatsRowsStillGivesOneObjectPerRow(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<Shopper> plain = s.select(S).untracked().orderBy(S.id.asc()).list();
      assertEquals(3, plain.size());
      assertEquals(EntityState.DETACHED, s.state(plain.get(0)));
      assertEquals(0, s.statistics().identityMapSize());

      List<Shopper> joined = s.select(S).untracked().join(S.orders).orderBy(S.id.asc()).list();
      assertEquals(6, joined.size(), "one row per order");
      assertSame(joined.get(0), joined.get(1), "two rows of one shopper, one object");
      assertNotSame(joined.get(1), joined.get(2));
      assertEquals(3, s.select(S).untracked().join(S.orders).distinct().list().size());
      assertEquals(0, s.statistics().identityMapSize());
    }
  }

  @AllDatabases
  void everyRunGivesNewObjectsNotTheSessionsOwn(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      Shopper tracked = s.select(S).orderBy(S.id.asc()).limit(1).one();
      Shopper first = s.select(S).untracked().orderBy(S.id.asc()).limit(1).one();
      Shopper again = s.select(S).untracked().orderBy(S.id.asc()).limit(1).one();
      assertEquals(tracked.getId(), first.getId());
      assertNotSame(tracked, first);
      assertNotSame(first, again);
      assertSame(tracked, s.get(Shopper.class, tracked.getId()), "the session's object is untouched");
      assertEquals(1, s.statistics().identityMapSize());
    }
  }

  @AllDatabases
  void aRelationshipTheQueryDidNotLoadIsRefusedNamingIt(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      Shopper shopper = s.select(S).untracked().orderBy(S.id.asc()).limit(1).one();
      sql();
      DetachedInstanceException e = assertThrows(DetachedInstanceException.class, shopper::getOrders);
      assertTrue(e.getMessage().contains("Shopper") && e.getMessage().contains("orders"), e.getMessage());
      assertEquals(List.of(), sql(), "no lazy load");
      assertEquals("shopper0", shopper.getName(), "columns are all loaded");

      List<ShopOrder> noOrders = s.select(S).untracked().options(noLoad(S.orders)).orderBy(S.id.asc()).list()
          .get(0).getOrders();
      assertEquals(List.of(), noOrders, "NOLOAD reads empty");
      Shopper raising = s.select(S).untracked().options(raise(S.orders)).orderBy(S.id.asc()).list().get(0);
      assertThrows(RaiseLoadException.class, raising::getOrders);
      sql();

      Review review = s.select(QReview.review).untracked().one();
      assertEquals(2, sql().size(), "the SELECTIN default of Review.author runs");
      assertEquals("shopper0", review.getAuthor().getName());
      assertThrows(RaiseLoadException.class, review::getEditor, "the RAISE default");
    }
  }

  @AllDatabases
  void changesAreNeverFlushedAndMergeWritesThem(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      ShopOrder order = s.select(O).untracked().orderBy(O.id.asc()).limit(1).one();
      order.setShopper(null);
      assertFalse(s.isModified());
      s.commit();
      sql();
      ObjectStateException refused = assertThrows(ObjectStateException.class, () -> s.add(order));
      assertTrue(refused.getMessage().contains("merge"), refused.getMessage());
      assertFalse(s.contains(order));
    }
    try (Session s = sessions.openSession()) {
      assertEquals("shopper0", s.select(O).orderBy(O.id.asc()).limit(1).one().getShopper().getName(),
          "nothing was written");
    }
    try (Session s = sessions.openSession()) {
      Shopper shopper = s.select(S).untracked().orderBy(S.id.asc()).limit(1).one();
      shopper.setName("renamed");
      sql();
      Shopper merged = s.merge(shopper);
      assertNotSame(shopper, merged);
      assertTrue(s.contains(merged));
      s.commit();
      assertTrue(sql().stream().anyMatch(q -> q.startsWith(db.quoted("UPDATE rel_shoppers SET name = ?"))));
    }
    try (Session s = sessions.openSession()) {
      assertEquals("renamed", s.select(S).orderBy(S.id.asc()).limit(1).one().getName());
    }
  }

  /**
   * The orders of a JOINED or SELECTIN collection with nothing loaded below them are read without
   * entries (their class occurs nowhere else in the query): they must still answer as detached
   * objects — back-reference loaded, other relationships refused, add refused, merge working.
   */
  @AllDatabases
  void collectionElementsWithNothingBelowAnswerAsDetachedObjects(TestDatabase db) {
    SessionFactory sessions = create(db);
    for (boolean joinedLoad : new boolean[] {true, false}) {
      try (Session s = sessions.openSession()) {
        Shopper shopper = s.select(S).untracked().options(joinedLoad ? joined(S.orders) : selectIn(S.orders))
            .orderBy(S.id.asc()).list().get(1);
        sql();
        ShopOrder order = shopper.getOrders().get(0);
        assertEquals(10, order.getTotal());
        assertSame(shopper, order.getShopper());
        assertEquals(EntityState.DETACHED, s.state(order));
        DetachedInstanceException e = assertThrows(DetachedInstanceException.class, order::getLines);
        assertTrue(e.getMessage().contains("ShopOrder") && e.getMessage().contains("lines"), e.getMessage());
        assertEquals(List.of(), sql(), "no lazy load");
        ObjectStateException refused = assertThrows(ObjectStateException.class, () -> s.add(order));
        assertTrue(refused.getMessage().contains("merge"), refused.getMessage());
        ShopOrder other = shopper.getOrders().get(1);
        Shopper nobody = null;
        other.setShopper(nobody);
        assertNull(other.getShopper(), "a write to an untracked object reads back");
        ShopOrder merged = s.merge(order);
        assertTrue(s.contains(merged));
        assertEquals(10, merged.getTotal());
      }
    }
  }

  /**
   * The owners of an untracked JOINED collection, when nothing else is loaded, are read without
   * entries too (one interceptor for all): each still answers as a detached object — its collection
   * loaded, any other relationship refused by name, add refused, merge writing its columns (the key
   * of its unloaded reference included) — and gets its own elements, none twice.
   */
  @AllDatabases
  void ownersOfAJoinedCollectionAnswerAsDetachedObjects(TestDatabase db) {
    ownersOfACollectionAnswerAsDetachedObjects(db, joined(O.lines), 1);
  }

  /** The same with the collection loaded by select-in: the owners' statement, then one IN query. */
  @AllDatabases
  void ownersOfASelectInCollectionAnswerAsDetachedObjects(TestDatabase db) {
    ownersOfACollectionAnswerAsDetachedObjects(db, selectIn(O.lines), 2);
  }

  private void ownersOfACollectionAnswerAsDetachedObjects(TestDatabase db, Load lines, int statements) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<ShopOrder> orders = s.select(O).untracked().options(lines).orderBy(O.total.desc()).list();
      assertEquals(statements, sql().size());
      assertEquals(List.of(21, 20, 11, 10, 1, 0), orders.stream().map(ShopOrder::getTotal).collect(Collectors.toList()));
      for (ShopOrder order : orders) {
        int total = order.getTotal();
        assertEquals(List.of("sku" + total / 10 + total % 10 + "0", "sku" + total / 10 + total % 10 + "1"),
            order.getLines().stream().map(OrderLine::getSku).collect(Collectors.toList()));
        for (OrderLine line : order.getLines()) {
          assertSame(order, line.getOrder(), "the back-reference is the owner itself");
        }
        assertEquals(EntityState.DETACHED, s.state(order));
        assertFalse(s.contains(order));
      }
      ShopOrder order = orders.get(2);
      DetachedInstanceException e = assertThrows(DetachedInstanceException.class, order::getShopper);
      assertTrue(e.getMessage().contains("ShopOrder") && e.getMessage().contains("shopper"), e.getMessage());
      assertEquals(List.of(), sql(), "nothing loads after the statement");
      assertEquals(0, s.statistics().identityMapSize());
      ObjectStateException refused = assertThrows(ObjectStateException.class, () -> s.add(order));
      assertTrue(refused.getMessage().contains("merge"), refused.getMessage());

      order.setTotal(111);
      ShopOrder merged = s.merge(order);
      assertNotSame(order, merged);
      s.commit();
    }
    try (Session s = sessions.openSession()) {
      ShopOrder reread = s.select(O).where(O.total.eq(111)).one();
      assertEquals("shopper1", reread.getShopper().getName(), "merge kept the order's shopper");
      assertEquals(2, reread.getLines().size());
    }
  }

  /**
   * When a collection's element class also occurs elsewhere in the query (here: the query's own
   * entity), its elements keep their identity: one object per row across the whole graph.
   */
  @AllDatabases
  void elementsThatOccurElsewhereInTheQueryKeepOneObjectPerRow(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<ShopOrder> orders = s.select(O).untracked().options(selectIn(O.shopper).then(selectIn(S.orders)))
          .orderBy(O.id.asc()).list();
      assertEquals(3, sql().size());
      assertSame(orders.get(0), orders.get(0).getShopper().getOrders().get(0));
      assertSame(orders.get(5), orders.get(5).getShopper().getOrders().get(1));
      assertThrows(DetachedInstanceException.class, () -> orders.get(0).getLines());
    }
  }

  /** An option below a collection keeps its elements' entries, which remember it (RAISE, NOLOAD). */
  @AllDatabases
  void optionsBelowACollectionApplyToItsElements(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      Shopper raising = s.select(S).untracked().options(selectIn(S.orders).then(raise(O.lines)))
          .orderBy(S.id.asc()).list().get(0);
      assertThrows(RaiseLoadException.class, () -> raising.getOrders().get(0).getLines());
      Shopper empty = s.select(S).untracked().options(joined(S.orders).then(noLoad(O.lines)))
          .orderBy(S.id.asc()).list().get(0);
      sql();
      assertEquals(List.of(), empty.getOrders().get(1).getLines());
      assertEquals(List.of(), sql());
    }
  }

  @AllDatabases
  void deleteRemovesTheRowThroughTheSessionsOwnObject(TestDatabase db) {
    SessionFactory sessions = create(db);
    ShopOrder gone;
    try (Session s = sessions.openSession()) {
      Shopper shopper = s.select(S).untracked().options(selectIn(S.orders)).orderBy(S.id.asc()).list().get(0);
      gone = shopper.getOrders().get(0); // a collection element read without an entry
      s.delete(gone);
      assertNull(s.get(ShopOrder.class, gone.getId()), "marked deleted in the session");
      List<Object> deleted = s.deletedObjects();
      assertEquals(3, deleted.size(), "the order with its two lines (cascade)");
      assertTrue(deleted.stream().anyMatch(o -> o instanceof ShopOrder so && so != gone && so.getId().equals(gone.getId())),
          "the session's own object is the one deleted");
      assertFalse(s.contains(gone));
      s.commit();
      assertTrue(sql().stream().anyMatch(q -> q.startsWith(db.quoted("DELETE FROM rel_lines"))), "cascade to its lines");
    }
    try (Session s = sessions.openSession()) {
      assertNull(s.get(ShopOrder.class, gone.getId()));
      assertEquals(5, s.select(O).count());
      ObjectDeletedException again = assertThrows(ObjectDeletedException.class, () -> s.delete(gone));
      assertTrue(again.getMessage().contains("ShopOrder"), again.getMessage());
    }
  }

  @AllDatabases
  void tupleQueriesReadTheirEntitiesUntrackedToo(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<Tuple> rows = s.select(O, S.name).untracked().join(S, O.shopperId.eq(S.id)).orderBy(O.id.asc()).list();
      assertEquals(6, rows.size());
      ShopOrder first = (ShopOrder) rows.get(0).get(O);
      assertEquals("shopper0", rows.get(0).get(S.name));
      assertEquals(EntityState.DETACHED, s.state(first));
      assertEquals(0, s.statistics().identityMapSize());
      assertThrows(DetachedInstanceException.class, first::getLines);
    }
  }

  @AllDatabases
  void pendingChangesAreFlushedFirst(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      s.add(new Shopper("newcomer"));
      List<Shopper> all = s.select(S).untracked().orderBy(S.id.asc()).list();
      assertEquals(4, all.size());
      assertEquals("newcomer", all.get(3).getName());
      assertEquals(1, s.statistics().identityMapSize(), "only the pending object became persistent in the session");
    }
  }

  @AllDatabases
  void aStreamKeepsNoObjects(TestDatabase db) {
    SessionFactory sessions = create(db);
    try (Session s = sessions.openSession()) {
      List<ShopOrder> orders;
      try (Stream<ShopOrder> stream = s.select(O).untracked().orderBy(O.id.asc()).stream()) {
        orders = stream.collect(Collectors.toList());
      }
      assertEquals(6, orders.size());
      assertEquals(0, s.statistics().identityMapSize());
      assertEquals(EntityState.DETACHED, s.state(orders.get(0)));
      assertThrows(DetachedInstanceException.class, orders.get(0)::getLines);
      assertNull(s.get(ShopOrder.class, 999L));
    }
  }
}
