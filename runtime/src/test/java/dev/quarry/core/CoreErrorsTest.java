package dev.quarry.core;

import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.CheckViolationException;
import dev.quarry.engine.Connection;
import dev.quarry.engine.ForeignKeyViolationException;
import dev.quarry.engine.IntegrityViolationException;
import dev.quarry.engine.NotNullViolationException;
import dev.quarry.engine.UniqueViolationException;
import dev.quarry.engine.ValueTooLongException;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.StringColumn;
import dev.quarry.sql.Table;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.List;

/** Constraint violations raised for real, as typed exceptions naming the constraint. */
class CoreErrorsTest {
  /**
   * Every constraint named, so that each database can report the name. The check is schema text
   * naming the quoted column, so the table is made for one database.
   */
  static final class Accounts extends Table {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
    final StringColumn email = stringColumn(ColumnSpec.of("email", SqlTypes.varchar(20)).notNull());
    final NumberColumn<Integer> balance = numberColumn(ColumnSpec.of("balance", SqlTypes.INTEGER).notNull());
    final NumberColumn<Long> parent = numberColumn(ColumnSpec.of("parent_id", SqlTypes.BIGINT));
    final StringColumn password = stringColumn(ColumnSpec.of("password", SqlTypes.varchar(40)));

    Accounts(Vendor vendor) {
      super(null, "accounts", null);
      unique("uq_accounts_email", "email");
      check("ck_accounts_balance", Dialect.of(vendor).quote("balance") + " >= 0");
      foreignKey("fk_accounts_parent", List.of("parent_id"), null, "accounts", List.of("id"),
          ReferentialAction.DEFAULT, ReferentialAction.DEFAULT);
    }
  }

  /** For statements: they render the same for every vendor's instance. */
  private static final Accounts A = new Accounts(Vendor.OTHER);

  private static Connection setUp(TestDatabase db) {
    Metadata.of(new Accounts(db.vendor())).createAll(db.engine());
    Connection c = db.engine().connect();
    c.executeUpdate(insertInto(A).set(A.id, 1L).set(A.email, "a@x.org").set(A.balance, 10));
    return c;
  }

  /** SQLite reports constraint names only for CHECK; the others name table and columns instead. */
  private static void assertNames(TestDatabase db, IntegrityViolationException e, String constraint, String column) {
    if (db.vendor() == Vendor.SQLITE && !(e instanceof CheckViolationException)) {
      assertNull(e.constraintName(), e.getMessage());
    } else {
      assertEquals(constraint, e.constraintName(), e.getMessage());
    }
    if (column != null && db.vendor() != Vendor.POSTGRESQL) {
      assertTrue(e.getMessage().contains(column), e.getMessage());
    }
  }

  @AllDatabases
  void uniqueViolation(TestDatabase db) {
    try (Connection c = setUp(db)) {
      UniqueViolationException e = assertThrows(UniqueViolationException.class, () -> c.executeUpdate(
          insertInto(A).set(A.id, 2L).set(A.email, "a@x.org").set(A.balance, 1).set(A.password, "hunter2")));
      assertNames(db, e, "uq_accounts_email", "email");
      assertTrue(e.getMessage().contains("INSERT INTO " + db.quote("accounts")), "names the SQL: " + e.getMessage());
      assertTrue(!e.getMessage().contains("hunter2"), "a password parameter is elided: " + e.getMessage());
      UniqueViolationException pk = assertThrows(UniqueViolationException.class, () -> c.executeUpdate(
          insertInto(A).set(A.id, 1L).set(A.email, "b@x.org").set(A.balance, 1)));
      if (db.vendor() == Vendor.POSTGRESQL) {
        assertEquals("accounts_pkey", pk.constraintName());
      }
    }
  }

  @AllDatabases
  void foreignKeyViolation(TestDatabase db) {
    try (Connection c = setUp(db)) {
      ForeignKeyViolationException e = assertThrows(ForeignKeyViolationException.class, () -> c.executeUpdate(
          insertInto(A).set(A.id, 2L).set(A.email, "b@x.org").set(A.balance, 1).set(A.parent, 42L)));
      assertNames(db, e, "fk_accounts_parent", null);
    }
  }

  @AllDatabases
  void notNullViolation(TestDatabase db) {
    try (Connection c = setUp(db)) {
      NotNullViolationException e = assertThrows(NotNullViolationException.class, () -> c.executeUpdate(
          insertInto(A).set(A.id, 2L).set(A.email, "b@x.org")));
      assertTrue(e.getMessage().contains("balance"), e.getMessage());
      assertEquals("balance", e.column(), e.getMessage());
    }
  }

  @AllDatabases
  void checkViolation(TestDatabase db) {
    try (Connection c = setUp(db)) {
      CheckViolationException e = assertThrows(CheckViolationException.class, () -> c.executeUpdate(
          update(A).set(A.balance, -5).where(A.id.eq(1L))));
      assertNames(db, e, "ck_accounts_balance", null);
      assertEquals(10, c.execute(select(A.balance).from(A)).one().get(A.balance), "the row is unchanged");
    }
  }

  @AllDatabases
  void valueTooLong(TestDatabase db) {
    try (Connection c = setUp(db)) {
      String longEmail = "someone-with-a-long-name@example.org";
      ValueTooLongException e = assertThrows(ValueTooLongException.class, () -> c.executeUpdate(
          insertInto(A).set(A.id, 2L).set(A.email, longEmail).set(A.balance, 1)));
      assertTrue(e.getMessage().contains("INSERT INTO " + db.quote("accounts")), e.getMessage());
      ValueTooLongException onUpdate = assertThrows(ValueTooLongException.class, () -> c.executeUpdate(
          update(A).set(A.email, longEmail).where(A.id.eq(1L))));
      assertTrue(onUpdate.getMessage().contains("UPDATE " + db.quote("accounts")), onUpdate.getMessage());
      assertEquals("a@x.org", c.execute(select(A.email).from(A)).one().get(A.email), "the row is unchanged");
      // SQLite keeps any length in a VARCHAR(n): the table Quarry creates checks it.
      String exactly = "x".repeat(20);
      c.executeUpdate(update(A).set(A.email, exactly).where(A.id.eq(1L)));
      assertEquals(exactly, c.execute(select(A.email).from(A)).one().get(A.email));
    }
  }
}
