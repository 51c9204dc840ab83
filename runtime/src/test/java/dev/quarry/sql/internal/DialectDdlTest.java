package dev.quarry.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Exact DDL text and DDL capabilities of each dialect: sequences, foreign keys, indexes, names. */
class DialectDdlTest {
  private static final Dialect SQLITE = Dialect.of(Vendor.SQLITE);
  private static final Dialect H2 = Dialect.of(Vendor.H2);
  private static final Dialect POSTGRES = Dialect.of(Vendor.POSTGRESQL);
  private static final Dialect MYSQL = Dialect.of(Vendor.MYSQL);
  private static final Dialect MARIADB = Dialect.of(Vendor.MARIADB);
  private static final Dialect ANSI = Dialect.of(Vendor.OTHER);

  @Test
  void sequencesExistOnH2PostgresAndMariaDbOnly() {
    assertTrue(H2.supportsSequences());
    assertTrue(POSTGRES.supportsSequences());
    assertTrue(MARIADB.supportsSequences());
    assertFalse(SQLITE.supportsSequences());
    assertFalse(MYSQL.supportsSequences());
    assertFalse(ANSI.supportsSequences(), "an unknown database may have no sequences");
  }

  @Test
  void nextSequenceValueQueries() {
    assertEquals("SELECT NEXT VALUE FOR shop.orders_seq", H2.nextSequenceValueQuery("shop", "orders_seq"));
    assertEquals("SELECT NEXT VALUE FOR orders_seq", H2.nextSequenceValueQuery(null, "orders_seq"));
    assertEquals("SELECT nextval('shop.orders_seq')", POSTGRES.nextSequenceValueQuery("shop", "orders_seq"));
    assertEquals("SELECT nextval('orders_seq')", POSTGRES.nextSequenceValueQuery(null, "orders_seq"));
    assertEquals("SELECT NEXTVAL(shop.orders_seq)", MARIADB.nextSequenceValueQuery("shop", "orders_seq"));
    assertEquals("SELECT NEXTVAL(orders_seq)", MARIADB.nextSequenceValueQuery(null, "orders_seq"));
  }

  @Test
  void postgresSequenceNamesAreQuotedIdentifiersInsideAStringLiteral() {
    assertEquals("SELECT nextval('\"quote '' one\"')", POSTGRES.nextSequenceValueQuery(null, "quote ' one"));
    assertEquals("SELECT nextval('\"it''s\".\"quote \"\" two\"')",
        POSTGRES.nextSequenceValueQuery("it's", "quote \" two"));
    assertEquals("SELECT nextval('\"per % cent?\"')", POSTGRES.nextSequenceValueQuery(null, "per % cent?"));
    assertEquals("SELECT NEXT VALUE FOR \"quote ' one\"", H2.nextSequenceValueQuery(null, "quote ' one"));
    assertEquals("SELECT NEXTVAL(`back``tick`)", MARIADB.nextSequenceValueQuery(null, "back`tick"));
  }

  @Test
  void createAndDropSequence() {
    assertEquals("CREATE SEQUENCE shop.orders_seq START WITH 1 INCREMENT BY 50",
        H2.createSequence("shop", "orders_seq", 1, 50));
    assertEquals("CREATE SEQUENCE orders_seq START WITH 1 INCREMENT BY 50",
        POSTGRES.createSequence(null, "orders_seq", 1, 50));
    assertEquals("CREATE SEQUENCE down START WITH 100 INCREMENT BY -1", POSTGRES.createSequence(null, "down", 100,
        -1));
    assertEquals("CREATE SEQUENCE big START WITH 5000000000 INCREMENT BY 1",
        H2.createSequence(null, "big", 5_000_000_000L, 1));
    assertEquals("CREATE SEQUENCE shop.orders_seq START WITH 1 INCREMENT BY 50",
        MARIADB.createSequence("shop", "orders_seq", 1, 50));
    assertEquals("DROP SEQUENCE shop.orders_seq", H2.dropSequence("shop", "orders_seq"));
    assertEquals("DROP SEQUENCE orders_seq", POSTGRES.dropSequence(null, "orders_seq"));
    assertEquals("DROP SEQUENCE orders_seq", MARIADB.dropSequence(null, "orders_seq"));
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> H2.createSequence(null, "s", 1, 0));
    assertTrue(zero.getMessage().contains("sequence s"), zero.getMessage());
  }

  @Test
  void sequenceNamesQueries() {
    String standard = "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = ?";
    assertEquals(standard, H2.sequenceNamesQuery());
    assertEquals(standard, POSTGRES.sequenceNamesQuery());
    assertEquals("SELECT table_name FROM information_schema.tables WHERE table_type = 'SEQUENCE' AND table_schema = ?",
        MARIADB.sequenceNamesQuery());
  }

  @Test
  void sequenceSqlWithoutSequencesNamesTheDatabase() {
    for (Dialect d : List.of(SQLITE, MYSQL, ANSI)) {
      List<Executable> calls = List.of(() -> d.nextSequenceValueQuery(null, "s"),
          () -> d.createSequence(null, "s", 1, 1), () -> d.dropSequence(null, "s"), d::sequenceNamesQuery);
      for (Executable call : calls) {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, call, d.toString());
        assertEquals("sequences are not available in the " + d.vendor().displayName()
            + " dialect; check supportsSequences() first", e.getMessage());
      }
    }
    assertTrue(assertThrows(UnsupportedOperationException.class, () -> SQLITE.nextSequenceValueQuery(null, "s"))
        .getMessage().contains("SQLite"));
    assertTrue(assertThrows(UnsupportedOperationException.class, () -> MYSQL.nextSequenceValueQuery(null, "s"))
        .getMessage().contains("MySQL"));
  }

  @Test
  void foreignKeysAfterTheTable() {
    assertFalse(SQLITE.supportsAlterForeignKey());
    for (Dialect d : List.of(H2, POSTGRES, MYSQL, MARIADB, ANSI)) {
      assertTrue(d.supportsAlterForeignKey(), d.toString());
    }
    assertEquals("ALTER TABLE employees DROP CONSTRAINT fk_emp_dept",
        H2.dropForeignKey(null, "employees", "fk_emp_dept"));
    assertEquals("ALTER TABLE shop.employees DROP CONSTRAINT fk_emp_dept",
        POSTGRES.dropForeignKey("shop", "employees", "fk_emp_dept"));
    assertEquals("ALTER TABLE employees DROP CONSTRAINT \"fk emp \"\" dept\"",
        ANSI.dropForeignKey(null, "employees", "fk emp \" dept"));
    assertEquals("ALTER TABLE employees DROP FOREIGN KEY fk_emp_dept",
        MYSQL.dropForeignKey(null, "employees", "fk_emp_dept"));
    assertEquals("ALTER TABLE shop.employees DROP FOREIGN KEY fk_emp_dept",
        MARIADB.dropForeignKey("shop", "employees", "fk_emp_dept"));
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> SQLITE.dropForeignKey(null, "employees", "fk_emp_dept"));
    assertTrue(e.getMessage().startsWith("SQLite cannot drop a foreign key"), e.getMessage());
  }

  @Test
  void deferringForeignKeyChecksOnlyOnSqlite() {
    assertEquals("PRAGMA defer_foreign_keys = ON", SQLITE.deferForeignKeyChecks());
    for (Dialect d : List.of(H2, POSTGRES, MYSQL, MARIADB, ANSI)) {
      assertNull(d.deferForeignKeyChecks(), d.toString());
    }
  }

  @Test
  void namesSchemasAndIndexes() {
    assertTrue(SQLITE.namesIgnoreCase());
    assertTrue(SQLITE.schemaQualifiesIndexName());
    assertFalse(SQLITE.schemaIsCatalog());
    for (Dialect d : List.of(H2, POSTGRES, MYSQL, MARIADB, ANSI)) {
      assertFalse(d.namesIgnoreCase(), d.toString());
      assertFalse(d.schemaQualifiesIndexName(), d.toString());
    }
    assertTrue(MYSQL.schemaIsCatalog());
    assertTrue(MARIADB.schemaIsCatalog());
    for (Dialect d : List.of(H2, POSTGRES, ANSI)) {
      assertFalse(d.schemaIsCatalog(), d.toString());
    }
  }
}
