package dev.quarry.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quarry.engine.Executable;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What raw SQL and DML statements say they write, for caches that must forget those tables' rows. */
class TextQueryWritesTest {
  private static final Set<String> ANY = Set.of(Executable.ANY_TABLE);

  @Test
  void readsByTheirFirstKeywordWriteNothing() {
    for (String sql : new String[] {"SELECT 1", "  select * from t", "-- why\n/* a\n comment */ (SELECT 1) UNION (SELECT 2)",
        "VALUES (1)", "TABLE t", "SHOW search_path", "EXPLAIN SELECT 1", "DESCRIBE t", "desc t", "PRAGMA foreign_keys",
        "pragma table_info(t)"}) {
      assertEquals(Set.of(), Sql.text(sql).writes(), sql);
    }
  }

  @Test
  void anythingElseMayWriteAnyTable() {
    for (String sql : new String[] {"INSERT INTO t VALUES (1)", "update t set x = 1", "DELETE FROM t", "MERGE INTO t",
        "WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x", "CALL p()", "DO $$ BEGIN END $$", "TRUNCATE t",
        "PRAGMA foreign_keys = ON", "EXPLAIN ANALYZE DELETE FROM t", "", "-- only a comment",
        "REPLACE INTO t VALUES (1)", "SELECTx"}) {
      assertEquals(ANY, Sql.text(sql).writes(), sql);
    }
  }

  @Test
  void declaredTablesWinAndSurviveBinding() {
    TextQuery q = Sql.text("UPDATE t SET x = :x").writes("shop.t", "u");
    assertEquals(Set.of("shop.t", "u"), q.bind("x", 1).writes());
    assertEquals(Set.of("shop.t", "u"), q.columns().writes());
    assertEquals(Set.of(), Sql.text("INSERT INTO log VALUES (1)").writesNothing().writes());
    assertEquals(Set.of(), Sql.text("DELETE FROM t").writes(new String[0]).writes());
    assertEquals(ANY, Sql.text("UPDATE t SET x = :x").bind("x", 2).writes(), "binding keeps the guess");
  }

  @Test
  void dataChangesWriteTheirTable() {
    Users u = Users.USERS;
    assertEquals(Set.of("users"), Sql.insertInto(u).set(u.name, "Ann").writes());
    assertEquals(Set.of("users"), Sql.insertInto(u).set(u.name, "Ann").onConflict(u.id).doUpdate(u.name).writes());
    assertEquals(Set.of("users"), Sql.update(u).set(u.name, "Ann").writes());
    assertEquals(Set.of("users"), Sql.deleteFrom(u.as("x")).writes(), "the table, not its alias");
    assertEquals(Set.of(), Sql.select(u.id).from(u).writes());
  }

  @Test
  void theGuessIsMadeOnce() {
    TextQuery q = Sql.text("SELECT 1");
    assertSame(q.writes(), q.writes());
  }
}
