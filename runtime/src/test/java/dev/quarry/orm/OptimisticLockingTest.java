package dev.quarry.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.orm.Model.Account;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OptimisticLockingTest extends SessionTestBase {

  @ParameterizedTest
  @EnumSource(Db.class)
  void versionIsSetOnInsertAndCheckedAndBumpedOnUpdate(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      Account a = new Account(1, "ann", 100);
      s.add(a);
      s.flush();
      assertEquals(1, a.version);
      a.balance = 90L;
      take();
      s.flush();
      assertEquals(List.of("UPDATE accounts SET balance = ?, version = ? WHERE accounts.id = ? AND accounts.version = ?"),
          take());
      assertEquals(2, a.version);
      s.commit();
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void twoSessionsLoadTheSameRowTheSecondFlushFails(Db db) {
    open(db, builder(db).expireOnCommit(false));
    factory.runInTransaction(s -> s.add(new Account(1, "ann", 100)));
    Session first = factory.openSession();
    Session second = factory.openSession();
    Account a1 = first.get(Account.class, 1L);
    Account a2 = second.get(Account.class, 1L);
    first.commit();
    second.commit(); // end the read transactions (SQLite readers hold a snapshot)
    a1.balance = 150L;
    first.commit();
    a2.balance = 10L;
    StaleDataException e = assertThrows(StaleDataException.class, second::flush);
    assertTrue(e.getMessage().contains("Account with id 1"), e.getMessage());
    assertEquals("Account", e.entity());
    assertEquals(1L, e.id());
    assertThrows(PendingRollbackException.class, second::flush);
    second.rollback();
    second.close();
    first.close();
    assertEquals(150, Db.count(ds, "SELECT balance FROM accounts WHERE id = 1"));
    assertEquals(2, Db.count(ds, "SELECT version FROM accounts WHERE id = 1"), "bumped once");
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void staleRowInsideABatchIsDetectedForUpdateAndDelete(Db db) {
    open(db, builder(db).expireOnCommit(false));
    factory.runInTransaction(s -> {
      for (int i = 1; i <= 5; i++) {
        s.add(new Account(i, "o" + i, 100));
      }
    });
    try (Session s = factory.openSession()) {
      List<Account> all = new java.util.ArrayList<>();
      for (long i = 1; i <= 5; i++) {
        all.add(s.get(Account.class, i));
      }
      s.commit();
      Db.exec(ds, "UPDATE accounts SET version = version + 1 WHERE id = 4");
      for (Account a : all) {
        a.balance = 1L;
      }
      StaleDataException e = assertThrows(StaleDataException.class, s::flush);
      assertEquals(4L, e.id());
      s.rollback();
      assertEquals(1, all.get(0).version, "versions bumped by the failed flush are put back");
      assertEquals(0, Db.count(ds, "SELECT COUNT(*) FROM accounts WHERE balance = 1"));
    }
    try (Session s = factory.openSession()) {
      Account three = s.get(Account.class, 3L);
      Account five = s.get(Account.class, 5L);
      s.commit();
      Db.exec(ds, "UPDATE accounts SET version = version + 1 WHERE id = 5");
      s.delete(three);
      s.delete(five);
      StaleDataException e = assertThrows(StaleDataException.class, s::flush);
      assertEquals(5L, e.id());
      assertTrue(e.getMessage().startsWith("DELETE of Account"), e.getMessage());
      s.rollback();
    }
    assertEquals(5, count("accounts"));
  }
}
