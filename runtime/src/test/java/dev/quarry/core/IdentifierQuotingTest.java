package dev.quarry.core;

import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.CheckViolationException;
import dev.quarry.engine.Engine;
import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.engine.ProgrammingException;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.NumberColumn;
import dev.quarry.sql.Sql;
import dev.quarry.sql.StringColumn;
import dev.quarry.sql.Table;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import dev.quarry.types.SqlTypes;
import java.util.List;

/**
 * Hand-written SQL, checks and server defaults name Quarry's plain tables and columns plainly on
 * every database; H2 databases created with every name quoted open with
 * {@link IdentifierQuoting#EVERY_NAME}.
 */
class IdentifierQuotingTest {
  /** One text for every database: no quotes needed. */
  static final class Members extends Table {
    final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey());
    final StringColumn name = stringColumn(ColumnSpec.of("name", SqlTypes.varchar(20)).notNull());
    final NumberColumn<Integer> age = numberColumn(ColumnSpec.of("age", SqlTypes.INTEGER).notNull());
    final StringColumn tier = stringColumn(ColumnSpec.of("tier", SqlTypes.varchar(10)).serverDefault("'basic'"));

    Members() {
      super(null, "members", null);
      check("ck_members_adult", "age >= 18");
    }
  }

  private static final Members M = new Members();

  @AllDatabases
  void handWrittenSqlChecksAndDefaultsNamePlainNames(TestDatabase db) {
    Metadata.of(M).createAll(db.engine());
    db.engine().useConnection(c -> {
      c.executeUpdate(insertInto(M).set(M.id, 1L).set(M.name, "ann").set(M.age, 30));
      c.executeUpdate(Sql.text("INSERT INTO members (id, name, age) VALUES (:id, :name, :age)")
          .bind("id", 2L).bind("name", "bob").bind("age", 40));
      assertEquals(List.of("ann", "bob"), c.execute(Sql.text("SELECT name FROM members WHERE tier = 'basic' ORDER BY id"))
          .map(r -> (String) r.get(0)));
      assertEquals(List.of("bob"), c.execute(select(M.name).from(M).where(M.age.gt(35))).map(r -> r.get(M.name)));
      CheckViolationException e = assertThrows(CheckViolationException.class,
          () -> c.executeUpdate(insertInto(M).set(M.id, 3L).set(M.name, "kid").set(M.age, 9)));
      assertEquals("ck_members_adult", e.constraintName(), e.getMessage());
    });
  }

  @AllDatabases(Kind.H2)
  void anH2DatabaseCreatedWithQuotedNamesOpensWithEveryNameQuoted(TestDatabase db) {
    // As Quarry created tables before it quoted only where needed: lower-case names in quotes.
    db.execute("CREATE TABLE \"members\" (\"id\" BIGINT PRIMARY KEY, \"name\" VARCHAR(20) NOT NULL,"
        + " \"age\" INTEGER NOT NULL, \"tier\" VARCHAR(10))", "INSERT INTO \"members\" VALUES (1, 'ann', 30, 'gold')");
    ProgrammingException missing = assertThrows(ProgrammingException.class,
        () -> db.engine().useConnection(c -> c.execute(select(M.name).from(M)).fetchAll()));
    assertTrue(missing.getMessage().contains("MEMBERS"), missing.getMessage());

    Engine quotingAll = db.newEngine(b -> b.identifierQuoting(IdentifierQuoting.EVERY_NAME));
    assertEquals(List.of(), Metadata.of(M).createAll(quotingAll, true), "check-first finds the quoted table");
    quotingAll.useConnection(c -> {
      assertEquals("SELECT \"members\".\"name\" FROM \"members\"",
          select(M.name).from(M).compile(c.vendor(), c.identifierQuoting()).sql());
      c.executeUpdate(insertInto(M).set(M.id, 2L).set(M.name, "bob").set(M.age, 40).set(M.tier, "basic"));
      assertEquals(List.of("ann", "bob"), c.execute(select(M.name).from(M).orderBy(M.id)).map(r -> r.get(M.name)));
    });
  }
}
