package dev.quarry.orm;

import dev.quarry.orm.internal.Persister;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.spi.IdGeneration;
import dev.quarry.spi.MappingRegistry;
import dev.quarry.spi.Mappings;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exact SQL of the statements the unit of work sends for an entity, per database, where the
 * databases spell them differently; and the ORM's answer where a database lacks a feature is
 * Core's answer.
 */
class EntityStatementsTest {
  static final class Ticket {
    Long id;
  }

  /** A table whose only column is its generated key: a new row is all defaults. */
  static final class Tickets extends Table {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());

    Tickets() {
      super(null, "tickets", null);
    }
  }

  static final TestMapping<Ticket> TICKET = TestMapping.builder(Ticket.class, new Tickets())
      .id(IdGeneration.IDENTITY, Long.class, 0)
      .instances(Ticket::new, i -> new Ticket())
      .column(t -> t.id, (Ticket t, Long v) -> t.id = v)
      .build();

  private static String insertOfDefaults(Vendor vendor) {
    Persister persister = new Persister(TICKET, dev.quarry.sql.internal.Dialect.of(vendor)); // a new ticket writes no column: its key is generated
    return persister.insert(new int[0]).compile(vendor).sql();
  }

  @Test
  void insertOfColumnDefaultsOnlyIsSpelledPerDatabase() {
    assertEquals("INSERT INTO tickets DEFAULT VALUES", insertOfDefaults(Vendor.POSTGRESQL));
    assertEquals("INSERT INTO tickets DEFAULT VALUES", insertOfDefaults(Vendor.SQLITE));
    assertEquals("INSERT INTO tickets DEFAULT VALUES", insertOfDefaults(Vendor.H2));
    assertEquals("INSERT INTO tickets () VALUES ()", insertOfDefaults(Vendor.MYSQL));
    assertEquals("INSERT INTO tickets () VALUES ()", insertOfDefaults(Vendor.MARIADB));
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void insertOfColumnDefaultsOnlyRunsAndReadsItsKeysBack(Db db) {
    Mappings.register(MappingRegistry.of(List.of(TICKET), List.of()));
    try (TestDatabase ds = db.fresh(List.of(TICKET.table()))) {
      SessionFactory factory = SessionFactory.builder(ds.engine()).build();
      try (Session session = factory.openSession()) {
        Ticket first = new Ticket();
        Ticket second = new Ticket();
        session.add(first);
        session.add(second);
        session.commit();
        assertEquals(1L, first.id);
        assertEquals(2L, second.id);
      }
      assertEquals(2, Db.count(ds, "SELECT COUNT(*) FROM tickets"));
    }
  }

  @Test
  void forUpdateOnADatabaseWithoutRowLocksIsTheSameErrorAsCore() {
    Model.init();
    try (TestDatabase ds = Db.SQLITE.fresh(Model.TABLES)) {
      UnsupportedOperationException core = assertThrows(UnsupportedOperationException.class,
          () -> ds.engine().withConnection(c -> c.execute(Sql.select(Model.USERS.id).from(Model.USERS).forUpdate())));
      try (Session session = SessionFactory.builder(ds.engine()).build().openSession()) {
        UnsupportedOperationException orm = assertThrows(UnsupportedOperationException.class,
            () -> session.select(Model.USERS).forUpdate().list());
        assertEquals(core.getMessage(), orm.getMessage());
        assertTrue(orm.getMessage().contains("SQLite"), orm.getMessage());
      }
    }
  }
}
