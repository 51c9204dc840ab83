package dev.quarry.it.rel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.List;

/**
 * Both sides of a bidirectional relationship stay in step in memory, as SQLAlchemy's
 * {@code back_populates} keeps them: a loaded collection's add and remove set and clear the
 * element's reference, a reference joins the other side's loaded collection, and the flush writes
 * what memory says whichever side was changed.
 */
class CollectionsInStepTest {
  private static SessionFactory factory(TestDatabase db) {
    Metadata.of(QShopper.shopper, QShopOrder.shopOrder, QOrderLine.orderLine, QStudent.student, QCourse.course)
        .createAll(db.engine());
    return SessionFactory.builder(db.engine()).build();
  }

  /** Ali without orders, Ahmad with one; returns {ali, ahmad, order} ids. */
  private static long[] aliAndAhmadsOrder(SessionFactory factory) {
    ShopFixture.Ids ids = ShopFixture.twoShoppersOneOrder(factory, "ali", "ahmad");
    return new long[] {ids.without(), ids.holder(), ids.order()};
  }

  @AllDatabases
  void addingAnElementOfAnotherLoadedCollectionMovesIt(TestDatabase db) {
    SessionFactory factory = factory(db);
    long[] ids = aliAndAhmadsOrder(factory);
    try (Session s = factory.openSession()) {
      Shopper ali = s.get(Shopper.class, ids[0]);
      Shopper ahmad = s.get(Shopper.class, ids[1]);
      ShopOrder order = ahmad.getOrders().get(0);
      assertTrue(ali.getOrders().isEmpty());
      ali.getOrders().add(order);
      assertSame(ali, order.getShopper(), "the element's reference follows at once");
      assertTrue(ahmad.getOrders().isEmpty(), "and it left Ahmad's loaded orders");
      s.commit();
    }
    try (Session s = factory.openSession()) {
      assertEquals(ids[0], s.get(ShopOrder.class, ids[2]).getShopper().getId(), "the flush wrote the move");
      assertEquals(1, s.get(Shopper.class, ids[0]).getOrders().size());
      assertTrue(s.get(Shopper.class, ids[1]).getOrders().isEmpty());
    }
  }

  @AllDatabases
  void aMoveIsWrittenWhicheverOwnerTheFlushVisitsFirst(TestDatabase db) {
    SessionFactory factory = factory(db);
    long[] ids = aliAndAhmadsOrder(factory);
    try (Session s = factory.openSession()) {
      Shopper ahmad = s.get(Shopper.class, ids[1]); // ahmad enters the session first
      Shopper ali = s.get(Shopper.class, ids[0]);
      ShopOrder order = ahmad.getOrders().get(0);
      ali.getOrders().add(order);
      s.commit();
    }
    try (Session s = factory.openSession()) {
      assertEquals(ids[0], s.get(ShopOrder.class, ids[2]).getShopper().getId());
    }
  }

  @AllDatabases
  void settingTheReferenceMovesTheElementBetweenLoadedCollections(TestDatabase db) {
    SessionFactory factory = factory(db);
    long[] ids = aliAndAhmadsOrder(factory);
    try (Session s = factory.openSession()) {
      Shopper ali = s.get(Shopper.class, ids[0]);
      Shopper ahmad = s.get(Shopper.class, ids[1]);
      assertTrue(ali.getOrders().isEmpty());
      ShopOrder order = ahmad.getOrders().get(0);
      order.setShopper(ali);
      assertEquals(List.of(order), ali.getOrders());
      assertTrue(ahmad.getOrders().isEmpty());
      s.commit();
    }
  }

  @AllDatabases
  void removingAnElementClearsItsReference(TestDatabase db) {
    SessionFactory factory = factory(db);
    long[] ids = aliAndAhmadsOrder(factory);
    try (Session s = factory.openSession()) {
      Shopper ahmad = s.get(Shopper.class, ids[1]);
      ShopOrder order = ahmad.getOrders().get(0);
      ahmad.getOrders().remove(order);
      assertNull(order.getShopper(), "the element no longer points at its old owner");
      s.commit(); // delete-orphan: the order goes
    }
    try (Session s = factory.openSession()) {
      assertNull(s.get(ShopOrder.class, ids[2]));
    }
  }

  @AllDatabases
  void aNewOwnersCollectionHoldsTheNewElementsThatReferToIt(TestDatabase db) {
    SessionFactory factory = factory(db);
    Shopper sara = new Shopper("sara");
    ShopOrder order = new ShopOrder(5);
    order.setShopper(sara); // plain objects: nothing intercepts this setter
    try (Session s = factory.openSession()) {
      s.add(sara);
      s.add(order);
      s.commit();
      assertEquals(List.of(order), sara.getOrders(), "the flush put the order into sara's orders");
      Shopper again = s.get(Shopper.class, sara.getId());
      assertSame(sara, again);
      assertEquals(List.of(order), again.getOrders(), "also when the session hands her out again");
    }
  }

  @AllDatabases
  void refreshingAPlainOwnerLoadsTheCollectionsItHolds(TestDatabase db) {
    Metadata.of(QShopper.shopper, QShopOrder.shopOrder, QOrderLine.orderLine).createAll(db.engine());
    dev.quarry.it.StatementLog log = new dev.quarry.it.StatementLog();
    SessionFactory factory = log.sessions(db.engine());
    Shopper sara = new Shopper("sara");
    try (Session s = factory.openSession()) {
      s.add(sara);
      s.commit(); // sara expires: a plain object, read again when the session hands her out
      try (Session other = factory.openSession()) {
        ShopOrder order = new ShopOrder(7);
        order.setShopper(other.get(Shopper.class, sara.getId()));
        other.add(order);
        other.commit();
      }
      log.clear();
      assertSame(sara, s.get(Shopper.class, sara.getId()));
      assertEquals(1, log.take().size(), "handing her out reads her row, nothing more");
      s.refresh(sara);
      assertEquals(List.of(7), sara.getOrders().stream().map(ShopOrder::getTotal).toList(),
          "refresh loads the collections a plain object holds: nothing would load them on access");
    }
  }

  @AllDatabases
  void removingAPlainElementFromAPlainCollectionStillOrphansIt(TestDatabase db) {
    SessionFactory factory = factory(db);
    Shopper ahmad = new Shopper("ahmad");
    ShopOrder order = new ShopOrder(10);
    ahmad.getOrders().add(order);
    order.setShopper(ahmad); // both sides set by hand, as plain objects need
    try (Session s = factory.openSession()) {
      s.add(ahmad);
      s.flush();
      ahmad.getOrders().remove(order); // the reference still names ahmad: the collection changed, it wins
      s.commit(); // delete-orphan
    }
    try (Session s = factory.openSession()) {
      assertNull(s.get(ShopOrder.class, order.getId()));
    }
  }

  @AllDatabases
  void aManyToManyAddAppearsOnTheOtherSide(TestDatabase db) {
    SessionFactory factory = factory(db);
    try (Session s = factory.openSession()) {
      s.add(new Student("mina"));
      s.add(new Course("algebra"));
      s.commit();
    }
    try (Session s = factory.openSession()) {
      Student mina = s.select(QStudent.student).one();
      Course algebra = s.select(QCourse.course).one();
      assertTrue(algebra.getStudents().isEmpty());
      mina.getCourses().add(algebra);
      assertEquals(List.of(mina), algebra.getStudents(), "the course's loaded students gain her at once");
      mina.getCourses().remove(algebra);
      assertFalse(algebra.getStudents().contains(mina));
      mina.getCourses().add(algebra);
      s.commit();
    }
    try (Session s = factory.openSession()) {
      assertEquals(List.of("mina"),
          s.select(QCourse.course).one().getStudents().stream().map(Student::getName).toList());
    }
  }
}
