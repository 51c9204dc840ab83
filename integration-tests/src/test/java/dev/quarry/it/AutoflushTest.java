package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.engine.Engine;
import dev.quarry.it.rel.QOrderLine;
import dev.quarry.it.rel.QShopOrder;
import dev.quarry.it.rel.QShopper;
import dev.quarry.it.rel.ShopFixture;
import dev.quarry.it.rel.ShopOrder;
import dev.quarry.it.rel.Shopper;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.util.List;

/**
 * Autoflush visits only the objects that may have changed — generated subclasses report their
 * setters' writes — and still writes every change a query must see; an explicit flush or commit
 * compares every object with its snapshot, so a field a business method wrote is never lost.
 */
class AutoflushTest {
  private static final QAccount A = QAccount.account;

  private static SessionFactory accounts(TestDatabase db) {
    Engine engine = Databases.create(db, A);
    SessionFactory factory = SessionFactory.builder(engine).build();
    try (Session s = factory.openSession()) {
      for (long id = 1; id <= 20; id++) {
        s.add(new Account(id, "owner" + id, 100));
      }
      s.commit();
    }
    return factory;
  }

  @AllDatabases
  void aQuerySeesWhatASetterChangedOnALoadedObject(TestDatabase db) {
    SessionFactory factory = accounts(db);
    try (Session s = factory.openSession()) {
      List<Account> all = s.select(A).orderBy(A.id.asc()).list();
      all.get(4).setBalance(500);
      assertEquals(1, s.select(A).where(A.balance.eq(500L)).count(), "autoflush wrote it before the query");
      all.get(9).setOwner("sara");
      assertEquals(List.of(10L), s.select(A).where(A.owner.eq("sara")).list().stream().map(Account::getId).toList());
      s.commit();
    }
  }

  @AllDatabases
  void aFieldWrittenWithoutTheSetterIsWrittenAtCommit(TestDatabase db) {
    SessionFactory factory = accounts(db);
    try (Session s = factory.openSession()) {
      Account loaded = s.get(Account.class, 3L);
      loaded.deposit(50); // the generated subclass does not see this write
      s.commit();
    }
    try (Session s = factory.openSession()) {
      assertEquals(150, s.get(Account.class, 3L).getBalance());
    }
  }

  @AllDatabases
  void aFieldWrittenWithoutTheSetterIsWrittenByAnExplicitFlush(TestDatabase db) {
    SessionFactory factory = accounts(db);
    try (Session s = factory.openSession()) {
      Account loaded = s.get(Account.class, 3L);
      loaded.deposit(50);
      s.flush();
      assertEquals(1, s.select(A).where(A.balance.eq(150L)).count());
      s.commit();
    }
  }

  @AllDatabases
  void anExpungedObjectIsNotWrittenByTheNextAutoflush(TestDatabase db) {
    SessionFactory factory = accounts(db);
    try (Session s = factory.openSession()) {
      Account loaded = s.get(Account.class, 7L);
      loaded.setBalance(1);
      s.expunge(loaded);
      assertEquals(0, s.select(A).where(A.balance.eq(1L)).count());
      s.commit();
    }
  }

  @AllDatabases
  void anElementAddedToALoadedCollectionIsFlushedBeforeAQuery(TestDatabase db) {
    Engine engine = Databases.create(db, QShopper.shopper, QShopOrder.shopOrder, QOrderLine.orderLine);
    SessionFactory factory = SessionFactory.builder(engine).build();
    ShopFixture.Ids ids = ShopFixture.twoShoppersOneOrder(factory, "ali", "ahmad");
    long aliId = ids.without();
    long orderId = ids.order();
    try (Session s = factory.openSession()) {
      Shopper ali = s.get(Shopper.class, aliId);
      ShopOrder order = s.get(ShopOrder.class, orderId);
      ali.getOrders().add(order); // no setter runs: the loaded collection is watched
      assertEquals(List.of(orderId), s.select(QShopOrder.shopOrder).where(QShopOrder.shopOrder.shopperId.eq(aliId))
          .list().stream().map(ShopOrder::getId).toList());
      s.commit();
    }
  }
}
