package dev.quarry.it.rel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.engine.Result;
import dev.quarry.orm.ObjectDeletedException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.List;

/**
 * A Core UPDATE or DELETE run through {@code Session.execute} keeps the session's loaded objects
 * right: their columns, a deleted row, and collections whose membership the statement changed.
 */
class CoreStatementsThroughSessionTest {
  private static Engine schema(TestDatabase db) {
    Metadata.of(QShopper.shopper, QShopOrder.shopOrder, QOrderLine.orderLine, QStudent.student, QCourse.course)
        .createAll(db.engine());
    return db.engine();
  }

  /** A committed shopper's id. */
  private static long savedShopper(SessionFactory factory, String name) {
    try (Session s = factory.openSession()) {
      Shopper shopper = new Shopper(name);
      s.add(shopper);
      s.commit();
      return shopper.getId();
    }
  }

  @AllDatabases
  void anUpdateExpiresTheLoadedObjectsOfItsTable(TestDatabase db) {
    SessionFactory factory = SessionFactory.builder(schema(db)).build();
    long id = savedShopper(factory, "ali");
    try (Session s = factory.openSession()) {
      Shopper loaded = s.get(Shopper.class, id);
      assertEquals("ali", loaded.getName());
      s.execute(Sql.update(QShopper.shopper).set(QShopper.shopper.name, "Ali").where(QShopper.shopper.id.eq(id)))
          .close();
      assertEquals("Ali", loaded.getName(), "the loaded object reads its row again");
      Shopper queried = s.select(QShopper.shopper).where(QShopper.shopper.id.eq(id)).one();
      assertSame(loaded, queried);
      assertEquals("Ali", queried.getName(), "a query hands out the new value, not the identity map's old one");
    }
  }

  @AllDatabases
  void aDeleteMakesGetReturnNothing(TestDatabase db) {
    SessionFactory factory = SessionFactory.builder(schema(db)).build();
    try (Session s = factory.openSession()) {
      Shopper ali = new Shopper("ali");
      Shopper sara = new Shopper("sara");
      s.addAll(List.of(ali, sara));
      s.flush();
      long aliId = ali.getId();
      try (Result r = s.execute(Sql.deleteFrom(QShopper.shopper).where(QShopper.shopper.id.eq(aliId)))) {
        assertEquals(1, r.rowCount());
      }
      assertNull(s.get(Shopper.class, aliId), "the row is gone");
      assertEquals(List.of("sara"), s.select(QShopper.shopper).list().stream().map(Shopper::getName).toList());
      Shopper kept = s.get(Shopper.class, sara.getId());
      assertEquals("sara", kept.getName());
      s.commit();
    }
  }

  @AllDatabases
  void aLoadedObjectWhoseRowWasDeletedSaysSoOnAccess(TestDatabase db) {
    SessionFactory factory = SessionFactory.builder(schema(db)).build();
    long id = savedShopper(factory, "ali");
    try (Session s = factory.openSession()) {
      Shopper loaded = s.get(Shopper.class, id);
      s.execute(Sql.deleteFrom(QShopper.shopper).where(QShopper.shopper.id.eq(id))).close();
      assertThrows(ObjectDeletedException.class, loaded::getName);
    }
  }

  @AllDatabases
  void anUpdateOfForeignKeysReloadsTheCollectionsItChanged(TestDatabase db) {
    SessionFactory factory = SessionFactory.builder(schema(db)).build();
    ShopFixture.Ids ids = ShopFixture.twoShoppersOneOrder(factory, "sara", "ali");
    long aliId = ids.holder();
    long saraId = ids.without();
    try (Session s = factory.openSession()) {
      Shopper ali = s.get(Shopper.class, aliId);
      Shopper sara = s.get(Shopper.class, saraId);
      assertEquals(1, ali.getOrders().size());
      assertEquals(0, sara.getOrders().size());
      ShopOrder order = ali.getOrders().get(0);
      s.execute(Sql.update(QShopOrder.shopOrder).set(QShopOrder.shopOrder.shopperId, saraId)).close();
      assertTrue(ali.getOrders().isEmpty(), "ali's loaded orders load again: the order moved");
      assertEquals(List.of(order), sara.getOrders());
      assertSame(sara, order.getShopper(), "the order's reference follows its new key");
      s.commit();
    }
  }

  @AllDatabases
  void aDeleteFromAnAssociationTableReloadsTheManyToManyCollections(TestDatabase db) {
    SessionFactory factory = SessionFactory.builder(schema(db)).build();
    try (Session s = factory.openSession()) {
      Student student = new Student("mina");
      student.getCourses().add(new Course("algebra"));
      s.add(student);
      s.commit();
    }
    try (Session s = factory.openSession()) {
      Student student = s.select(QStudent.student).one();
      assertEquals(1, student.getCourses().size());
      s.execute(Sql.deleteFrom(QStudent.COURSES_TABLE)).close();
      assertTrue(student.getCourses().isEmpty(), "the association rows are gone");
      s.commit();
    }
    try (Session s = factory.openSession()) {
      assertTrue(s.select(QStudent.student).one().getCourses().isEmpty(), "and the next flush did not write them back");
    }
  }
}
