package dev.quarry.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.engine.Connection;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TestDatabase.Kind;
import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/** The dialect's sequence DDL and next-value query, run on the databases that have sequences (not SQLite). */
class SequenceExecutionTest {
  private static List<Long> next(TestDatabase db, Dialect d, String schema, String name, int times) {
    List<Long> values = new ArrayList<>();
    try (Connection c = db.engine().connect()) {
      for (int i = 0; i < times; i++) {
        values.add(((Number) c.execute(RawSql.of(d.nextSequenceValueQuery(schema, name))).scalar()).longValue());
      }
    }
    return values;
  }

  @AllDatabases({Kind.H2, Kind.POSTGRES, Kind.MARIADB})
  void nextValueStartsAtStartAndStepsByTheIncrement(TestDatabase db) {
    Dialect d = Dialect.of(db.vendor());
    db.execute(d.createSequence(null, "orders_seq", 1, 50));
    assertEquals(List.of(1L, 51L, 101L), next(db, d, null, "orders_seq", 3));
    db.execute(d.createSequence(null, "from_1000", 1000, 1));
    assertEquals(List.of(1000L, 1001L), next(db, d, null, "from_1000", 2));
    db.execute(d.dropSequence(null, "orders_seq"), d.createSequence(null, "orders_seq", 1, 50));
    assertEquals(List.of(1L), next(db, d, null, "orders_seq", 1), "dropped and created afresh");
  }

  @AllDatabases({Kind.H2, Kind.POSTGRES, Kind.MARIADB})
  void schemaQualifiedAndHostileSequenceNames(TestDatabase db) {
    Dialect d = Dialect.of(db.vendor());
    db.execute("CREATE SCHEMA " + d.quote("it's"));
    // single and double quotes: PostgreSQL's nextval takes the quoted name inside a string literal
    for (String name : List.of("quote ' one", "quote \" two", "per % cent?", "MixedCase")) {
      db.execute(d.createSequence("it's", name, 7, 3));
      assertEquals(List.of(7L, 10L, 13L), next(db, d, "it's", name, 3), name);
      db.execute(d.dropSequence("it's", name));
    }
    dropSchemaOnMariaDb(db, "it's");
  }

  /** A MariaDB schema is a database of the whole server, not of the test's database: dropped here. */
  private static void dropSchemaOnMariaDb(TestDatabase db, String schema) {
    if (db.vendor() == dev.quarry.types.Vendor.MARIADB) {
      db.execute("DROP SCHEMA " + db.quote(schema));
    }
  }

  @AllDatabases({Kind.H2, Kind.POSTGRES, Kind.MARIADB})
  void sequenceNamesQueryListsTheSchemasSequences(TestDatabase db) {
    Dialect d = Dialect.of(db.vendor());
    db.execute(db.quoted("CREATE SCHEMA aux"), d.createSequence("aux", "b_seq", 1, 1), d.createSequence("aux", "a_seq", 1, 1),
        d.createSequence(null, "elsewhere_seq", 1, 1));
    List<String> names = new ArrayList<>();
    try (Connection c = db.engine().connect()) {
      try (java.sql.PreparedStatement ps = c.jdbc().prepareStatement(d.sequenceNamesQuery())) {
        ps.setString(1, d.catalogName("aux"));
        try (java.sql.ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            names.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT)); // H2 lists unquoted names upper-cased
          }
        }
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
    }
    names.sort(null);
    assertEquals(List.of("a_seq", "b_seq"), names);
    dropSchemaOnMariaDb(db, "aux");
  }
}
