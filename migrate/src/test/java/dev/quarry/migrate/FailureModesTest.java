package dev.quarry.migrate;

import static dev.quarry.migrate.TestRevisions.info;
import static dev.quarry.migrate.TestRevisions.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.schema.Metadata;
import dev.quarry.schema.TableModel;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.Table;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a user sees when a run cannot do what was asked: each a MigrationException that says what to do. */
class FailureModesTest {
  private static Set<String> liveTables(TestDatabase db) {
    return Metadata.reflect(db.engine()).tables().stream().map(TableModel::name).collect(Collectors.toSet());
  }

  private static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }

  private static Table table(String name) {
    return Table.builder(name).column(ColumnSpec.of("id", SqlTypes.INTEGER).primaryKey()).build();
  }

  /** A revision whose own code throws after two changes ran: not SQL, a bug in the revision. */
  @AllDatabases
  void aRevisionThatThrowsHalfWay(TestDatabase db) {
    Revisions r = Revisions.of(List.of(
        info("a1", List.of(), "users", TestRevisions.CreateUsers::new),
        info("b2", List.of("a1"), "two tables, then a bug", () -> of(op -> {
          op.createTable(table("first"));
          op.createTable(table("second"));
          Object missing = null;
          missing.toString();
          op.createTable(table("never"));
        }, op -> {}))));
    Migrator m = Migrator.builder(db.engine()).revisions(r).build();
    MigrationException e = assertThrows(MigrationException.class, () -> m.upgrade("head"));
    String message = e.getMessage();
    assertTrue(message.startsWith("revision b2 (upgrade a1 -> b2, two tables, then a bug) failed after change"
        + " 'create table second': the revision's code threw java.lang.NullPointerException"), message);
    assertTrue(e.getCause() instanceof NullPointerException, "the revision's exception is the cause");
    assertTrue(message.contains("the version table still says [a1]"), message);
    assertEquals(List.of("a1"), m.current());
    boolean transactional = db.vendor() == Vendor.POSTGRESQL || db.vendor() == Vendor.SQLITE;
    if (transactional) {
      assertTrue(message.contains("The revision was rolled back: none of its statements stays applied"), message);
      assertFalse(liveTables(db).contains("first"));
      assertFalse(liveTables(db).contains("second"));
    } else {
      assertTrue(message.contains("these 2 statement(s) of the revision ran and stay applied:\n  1. CREATE TABLE "),
          message);
      assertTrue(message.contains("\n  2. CREATE TABLE "), message);
      assertTrue(liveTables(db).containsAll(List.of("first", "second")));
    }
    assertFalse(liveTables(db).contains("never"));
  }

  /** A downgrade that does nothing moves the version table and says so in the log; it is not an error. */
  @AllDatabases({TestDatabase.Kind.SQLITE})
  void anEmptyDowngradeOnlyMovesTheVersionTable(TestDatabase db) {
    Revisions r = Revisions.of(List.of(info("a1", List.of(), "users, no way back",
        () -> of(op -> op.createTable(TestRevisions.users()), op -> {}))));
    Migrator m = Migrator.builder(db.engine()).revisions(r).build();
    m.upgrade("head");
    assertEquals(List.of("a1"), ids(m.downgrade("base")));
    assertEquals(List.of(), m.current());
    assertTrue(liveTables(db).contains("users"), "nothing undone: the downgrade was empty");
  }

  /** A downgrade that refuses (throws) is reported with the revision, and nothing moves. */
  @AllDatabases
  void anIrreversibleDowngradeSaysSo(TestDatabase db) {
    Revisions r = Revisions.of(List.of(info("a1", List.of(), "users, no way back",
        () -> of(op -> op.createTable(TestRevisions.users()), op -> {
          throw new UnsupportedOperationException("a1 cannot be undone: the old data is gone");
        }))));
    Migrator m = Migrator.builder(db.engine()).revisions(r).build();
    m.upgrade("head");
    MigrationException e = assertThrows(MigrationException.class, () -> m.downgrade("base"));
    assertTrue(e.getMessage().startsWith("revision a1 (downgrade a1 -> , users, no way back) failed: the revision's"
        + " code threw java.lang.UnsupportedOperationException: a1 cannot be undone: the old data is gone."),
        e.getMessage());
    assertTrue(e.getMessage().contains("None of its statements had run")
        || e.getMessage().contains("none of its statements stays applied"), e.getMessage());
    assertEquals(List.of("a1"), m.current());
    assertTrue(liveTables(db).contains("users"));
  }

  @AllDatabases({TestDatabase.Kind.H2})
  void upgradeToHeadWithTwoHeads(TestDatabase db) {
    Revisions r = Revisions.of(List.of(TestRevisions.noop("a1", List.of(), List.of(), List.of()),
        TestRevisions.noop("b2", List.of("a1"), List.of(), List.of()),
        TestRevisions.noop("c2", List.of("a1"), List.of(), List.of())));
    Migrator m = Migrator.builder(db.engine()).revisions(r).build();
    MigrationException e = assertThrows(MigrationException.class, () -> m.upgrade("head"));
    assertEquals("'head' is ambiguous: the revisions have 2 heads, [b2, c2]. Upgrade to 'heads' to apply every"
        + " branch, name one head, or merge them into one (quarry-migrate merge -m \"merge\" heads)", e.getMessage());
    assertEquals(List.of(), m.current(), "nothing ran");
    assertEquals(List.of("a1", "b2", "c2"), ids(m.upgrade("heads")));
  }

  @AllDatabases({TestDatabase.Kind.H2})
  void anUnknownTarget(TestDatabase db) {
    Migrator m = Migrator.builder(db.engine()).revisions(TestRevisions.linear()).build();
    MigrationException e = assertThrows(MigrationException.class, () -> m.upgrade("zz9"));
    assertEquals("no revision 'zz9'; known revisions: [a1, b2, c3]. A target is a revision id (or a unique prefix of"
        + " one), head, heads, base, label@head, or a relative step such as +1 or -1", e.getMessage());
    assertEquals(List.of(), m.current());
  }

  /** The version table names a revision this code does not have: a newer release migrated the database. */
  @AllDatabases
  void aDatabaseAheadOfTheCode(TestDatabase db) {
    Revisions newer = Revisions.of(List.of(
        info("a1", List.of(), "users", TestRevisions.CreateUsers::new),
        info("b2", List.of("a1"), "orders", () -> of(op -> op.createTable(TestRevisions.orders()),
            op -> op.dropTable("orders")))));
    Migrator newRelease = Migrator.builder(db.engine()).revisions(newer).build();
    newRelease.upgrade("head");

    Revisions older = Revisions.of(List.of(info("a1", List.of(), "users", TestRevisions.CreateUsers::new)));
    Migrator oldRelease = Migrator.builder(db.engine()).revisions(older).build();
    String expected = "the version table quarry_version names revision b2, which these revisions do not have"
        + " (known: [a1]). The database was migrated by a newer release of the application, or by other revisions:"
        + " run that release (it can downgrade to a revision this one has), or, if the schema is what a known"
        + " revision makes, stamp the database at that revision";
    assertEquals(expected, assertThrows(MigrationException.class, oldRelease::current).getMessage());
    assertEquals(expected, assertThrows(MigrationException.class, () -> oldRelease.upgrade("head")).getMessage());
    assertEquals(expected, assertThrows(MigrationException.class, () -> oldRelease.downgrade("base")).getMessage());
    assertEquals(List.of("b2"), newRelease.current(), "nothing moved");

    // the way out the message names: the newer release downgrades; or the old one stamps
    oldRelease.stamp("a1");
    assertEquals(List.of("a1"), oldRelease.current());
    assertTrue(liveTables(db).contains("orders"), "stamp runs nothing");
  }
}
