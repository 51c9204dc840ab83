package dev.quarry.orm;

import static dev.quarry.orm.Model.USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.IsolationLevel;
import dev.quarry.engine.Result;
import dev.quarry.orm.Model.User;
import dev.quarry.sql.Sql;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransactionOptionsTest extends SessionTestBase {

  @ParameterizedTest
  @EnumSource(Db.class)
  void isolationLevelAppliesToSessionTransactions(Db db) throws SQLException {
    open(db, builder(db).isolation(IsolationLevel.SERIALIZABLE));
    try (Session s = factory.openSession()) {
      assertFalse(s.inTransaction(), "a session takes a connection only when it needs one");
      assertEquals(java.sql.Connection.TRANSACTION_SERIALIZABLE, s.connection().jdbc().getTransactionIsolation());
      assertTrue(s.inTransaction());
      s.commit();
      assertFalse(s.inTransaction(), "commit gives the connection back");
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void coreStatementsRunInTheSessionTransactionAfterAutoflush(Db db) {
    open(db);
    try (Session s = factory.openSession()) {
      s.add(new User("ann", "a@x", 1));
      try (Result r = s.execute(Sql.select(Sql.count()).from(USERS))) {
        assertEquals(1L, ((Number) r.scalar()).longValue(), "autoflushed and visible inside the transaction");
      }
      s.rollback();
    }
    assertEquals(0, count("users"));
  }
}
