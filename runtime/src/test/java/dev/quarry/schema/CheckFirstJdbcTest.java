package dev.quarry.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.Table;
import dev.quarry.types.SqlTypes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** createAll / dropAll with check-first against real SQLite and H2 over plain JDBC. */
class CheckFirstJdbcTest {
  private static Connection open(String db) throws SQLException {
    Connection c = DriverManager.getConnection(db.equals("sqlite") ? "jdbc:sqlite::memory:"
        : "jdbc:h2:mem:checkfirst" + System.nanoTime());
    if (db.equals("sqlite")) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA foreign_keys = ON");
      }
    }
    return c;
  }

  private static long count(JdbcTarget t, String sql) throws SQLException {
    try (Statement s = t.connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "h2"})
  void createAllTwiceCreatesOnceAndRestoresAMissingIndex(String db) throws SQLException {
    try (Connection c = open(db)) {
      JdbcTarget t = new JdbcTarget(c);
      Metadata m = Metadata.of(new ShopTables.OrderLines(), new ShopTables.Orders(), new ShopTables.Users());
      List<String> first = m.createAll(t, true);
      assertEquals(m.createStatements(t.vendor()), first);
      assertEquals(List.of(), m.createAll(t, true), "everything exists: nothing to run");
      t.run("DROP INDEX \"ix_orders_user_status\"");
      assertEquals(List.of("CREATE INDEX \"ix_orders_user_status\" ON \"orders\" (\"user_id\", \"status\")"),
          m.createAll(t, true));
      t.run("INSERT INTO \"users\" (\"name\", \"email\") VALUES ('ann', 'ann@example.com')");
      t.run("INSERT INTO \"orders\" (\"id\", \"user_id\") VALUES (1, 1)");
      assertEquals(1, count(t, "SELECT COUNT(*) FROM \"orders\" WHERE \"status\" = 'new'"), "server default");
      assertThrows(SchemaException.class, () -> m.createAll(t, false), "without check-first CREATE fails");
      assertEquals(m.dropStatements(t.vendor()), m.dropAll(t, true));
      assertEquals(List.of(), m.dropAll(t, true), "nothing left to drop");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "h2"})
  void namesWithLikeWildcardsAreComparedExactly(String db) throws SQLException {
    try (Connection c = open(db)) {
      JdbcTarget t = new JdbcTarget(c);
      t.run("CREATE TABLE \"abc\" (\"x\" INTEGER)");
      t.run("CREATE TABLE \"per cent\" (\"x\" INTEGER)");
      Table underscore = Table.builder("a_c").column(ColumnSpec.of("x", SqlTypes.INTEGER)).build();
      Table percent = Table.builder("per % cent").column(ColumnSpec.of("x", SqlTypes.INTEGER)).build();
      assertEquals(2, Metadata.of(underscore, percent).createAll(t, true).size(),
          "a_c and 'per % cent' are not abc and 'per cent'");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "h2"})
  void caseFollowsTheDatabase(String db) throws SQLException {
    try (Connection c = open(db)) {
      JdbcTarget t = new JdbcTarget(c);
      t.run("CREATE TABLE \"Users\" (\"x\" INTEGER)");
      Table lower = Table.builder("users").column(ColumnSpec.of("x", SqlTypes.INTEGER)).build();
      List<String> ran = Metadata.of(lower).createAll(t, true);
      if (db.equals("sqlite")) {
        assertEquals(List.of(), ran, "SQLite: \"Users\" and \"users\" are the same table");
      } else {
        assertEquals(1, ran.size(), "H2: quoted \"Users\" and \"users\" are different tables");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "h2"})
  void cyclesAreCreatedEnforcedAndDropped(String db) throws SQLException {
    try (Connection c = open(db)) {
      JdbcTarget t = new JdbcTarget(c);
      Metadata m = Metadata.of(ShopTables.employees(), ShopTables.departments());
      m.createAll(t, true);
      t.run("INSERT INTO \"departments\" (\"id\") VALUES (1)");
      t.run("INSERT INTO \"employees\" (\"id\", \"dept_id\") VALUES (10, 1)");
      t.run("UPDATE \"departments\" SET \"manager_id\" = 10 WHERE \"id\" = 1");
      assertThrows(IllegalStateException.class,
          () -> t.run("UPDATE \"departments\" SET \"manager_id\" = 99 WHERE \"id\" = 1"), "cyclic key enforced");
      assertThrows(IllegalStateException.class,
          () -> t.run("INSERT INTO \"employees\" (\"id\", \"dept_id\") VALUES (11, 42)"), "other key enforced");
      if (db.equals("sqlite")) {
        c.setAutoCommit(false); // defer_foreign_keys lasts one transaction
      }
      m.dropAll(t, true);
      if (db.equals("sqlite")) {
        c.commit();
      }
      assertTrue(m.dropAll(t, true).isEmpty());
    }
  }
}
