package dev.quarry.migrate;

import static dev.quarry.migrate.TestRevisions.noop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.types.Vendor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The revision graph without a database: validation, targets, upgrade and downgrade plans, history, offline SQL. */
class RevisionsTest {
  /**
   * base a1; branch billing: b1, b2; branch crm: c1 (depends on b1); merge m1 of b2 and c1.
   * Heads: m1 only.
   */
  static Revisions branched() {
    return Revisions.of(List.of(
        noop("a1", List.of(), List.of(), List.of()),
        noop("b1", List.of("a1"), List.of("billing"), List.of()),
        noop("b2", List.of("b1"), List.of(), List.of()),
        noop("c1", List.of("a1"), List.of("crm"), List.of()),
        noop("c2", List.of("c1"), List.of(), List.of("billing"))));
  }

  private static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }

  private static List<String> ran(List<Step> steps) {
    return steps.stream().map(s -> s.revision().id()).toList();
  }

  private static List<String> finalHeads(List<Step> steps, List<String> start) {
    return steps.isEmpty() ? start : steps.get(steps.size() - 1).after();
  }

  @Test
  void linearGraphHeadsBasesAndPrefixes() {
    Revisions r = TestRevisions.linear();
    assertEquals(List.of("c3"), ids(r.heads()));
    assertEquals(List.of("a1"), ids(r.bases()));
    assertEquals("b2", r.get("b").id());
    MigrationException unknown = assertThrows(MigrationException.class, () -> r.get("zz"));
    assertTrue(unknown.getMessage().contains("no revision 'zz'") && unknown.getMessage().contains("[a1, b2, c3]"),
        unknown.getMessage());
  }

  @Test
  void ambiguousPrefixNamesTheCandidates() {
    Revisions r = Revisions.of(List.of(noop("ab1", List.of(), List.of(), List.of()),
        noop("ab2", List.of("ab1"), List.of(), List.of())));
    MigrationException e = assertThrows(MigrationException.class, () -> r.get("ab"));
    assertTrue(e.getMessage().contains("ambiguous") && e.getMessage().contains("ab1") && e.getMessage().contains("ab2"),
        e.getMessage());
  }

  @Test
  void unknownParentNamesTheRevisionAndTheKnownOnes() {
    MigrationException e = assertThrows(MigrationException.class, () -> Revisions.of(List.of(
        noop("a1", List.of(), List.of(), List.of()), noop("b2", List.of("zz"), List.of(), List.of()))));
    assertEquals("revision b2 revises zz, which is no known revision; known revisions: [a1, b2]", e.getMessage());
  }

  @Test
  void unknownDependencyIsAnError() {
    MigrationException e = assertThrows(MigrationException.class, () -> Revisions.of(List.of(
        noop("a1", List.of(), List.of(), List.of("nope")))));
    assertTrue(e.getMessage().startsWith("revision a1 depends on nope, which is no known revision or branch label"),
        e.getMessage());
  }

  @Test
  void duplicateIdsCyclesAndDuplicateLabelsAreErrors() {
    MigrationException dup = assertThrows(MigrationException.class, () -> Revisions.of(List.of(
        noop("a1", List.of(), List.of(), List.of()), noop("a1", List.of(), List.of(), List.of()))));
    assertTrue(dup.getMessage().startsWith("two revisions have the id a1"), dup.getMessage());

    MigrationException cycle = assertThrows(MigrationException.class, () -> Revisions.of(List.of(
        noop("a1", List.of(), List.of(), List.of()), noop("b1", List.of("a1", "c1"), List.of(), List.of()),
        noop("c1", List.of("b1"), List.of(), List.of()))));
    assertTrue(cycle.getMessage().contains("cycle") && cycle.getMessage().contains("[b1, c1]"), cycle.getMessage());

    MigrationException label = assertThrows(MigrationException.class, () -> Revisions.of(List.of(
        noop("a1", List.of(), List.of("x"), List.of()), noop("b1", List.of("a1"), List.of("x"), List.of()))));
    assertEquals("branch label 'x' is on two revisions: a1 and b1", label.getMessage());

    MigrationException badId = assertThrows(MigrationException.class, () -> Revisions.of(List.of(
        noop("a-1", List.of(), List.of(), List.of()))));
    assertTrue(badId.getMessage().contains("letters, digits or underscores"), badId.getMessage());
  }

  @Test
  void headIsAmbiguousWithTwoHeadsAndHeadsTakesBoth() {
    Revisions r = branched();
    MigrationException e = assertThrows(MigrationException.class,
        () -> r.targets.upgradeSteps("head", List.of()));
    assertTrue(e.getMessage().startsWith("'head' is ambiguous: the revisions have 2 heads, [b2, c2]. Upgrade to 'heads'"),
        e.getMessage());
    List<Step> steps = r.targets.upgradeSteps("heads", List.of());
    assertEquals(List.of("a1", "b1", "b2", "c1", "c2"), ran(steps));
    assertEquals(List.of("b2", "c2"), finalHeads(steps, List.of()));
    // the version table's rows after each step
    assertEquals(List.of("a1"), steps.get(0).after());
    assertEquals(List.of("b1"), steps.get(1).after());
    assertEquals(List.of("b2", "c1"), steps.get(3).after());
  }

  @Test
  void branchLabelsAndDependencies() {
    Revisions r = branched();
    assertEquals(List.of("a1", "b1", "b2"), ran(r.targets.upgradeSteps("billing@head", List.of())));
    // crm's head depends on billing's first revision: upgrading crm applies b1 too, which stays a head
    List<Step> crm = r.targets.upgradeSteps("crm@head", List.of());
    assertEquals(List.of("a1", "b1", "c1", "c2"), ran(crm));
    assertEquals(List.of("b1", "c2"), finalHeads(crm, List.of()));
    assertEquals(List.of("c1"), ran(r.targets.upgradeSteps("crm@+1", List.of("a1"))));
    // bare label = its branch's head
    assertEquals(List.of("b2"), ran(r.targets.upgradeSteps("billing", List.of("b1"))));
    // undoing billing from its base undoes c2, which depends on it, and keeps c1
    List<Step> down = r.targets.downgradeSteps("billing@base", List.of("b2", "c2"));
    assertEquals(List.of("c2", "b2", "b1"), ran(down));
    assertEquals(List.of("c1"), finalHeads(down, List.of()));
    MigrationException unknown = assertThrows(MigrationException.class,
        () -> r.targets.upgradeSteps("nope@head", List.of()));
    assertTrue(unknown.getMessage().contains("no branch label 'nope'"), unknown.getMessage());
  }

  @Test
  void relativeTargets() {
    Revisions r = TestRevisions.linear();
    assertEquals(List.of("a1", "b2"), ran(r.targets.upgradeSteps("+2", List.of())));
    assertEquals(List.of("c3"), ran(r.targets.upgradeSteps("+1", List.of("b2"))));
    assertEquals(List.of("b2"), ran(r.targets.upgradeSteps("a1+1", List.of("a1"))));
    assertEquals(List.of("c3"), ran(r.targets.downgradeSteps("-1", List.of("c3"))));
    assertEquals(List.of("c3", "b2"), ran(r.targets.downgradeSteps("-2", List.of("c3"))));
    assertEquals(List.of("c3", "b2", "a1"), ran(r.targets.downgradeSteps("base", List.of("c3"))));
    assertEquals(List.of("c3"), ran(r.targets.downgradeSteps("b2", List.of("c3"))));
    MigrationException past = assertThrows(MigrationException.class,
        () -> r.targets.upgradeSteps("+1", List.of("c3")));
    assertTrue(past.getMessage().contains("revision c3 is a head"), past.getMessage());
    MigrationException below = assertThrows(MigrationException.class,
        () -> r.targets.downgradeSteps("-4", List.of("c3")));
    assertTrue(below.getMessage().contains("below base"), below.getMessage());
    MigrationException notApplied = assertThrows(MigrationException.class,
        () -> r.targets.downgradeSteps("c3", List.of("b2")));
    assertTrue(notApplied.getMessage().contains("not applied"), notApplied.getMessage());
  }

  @Test
  void mergeRevisionLeavesOneHeadAndDowngradeKeepsTheOtherBranch() {
    Revisions r = Revisions.of(List.of(
        noop("a1", List.of(), List.of(), List.of()),
        noop("b1", List.of("a1"), List.of(), List.of()),
        noop("c1", List.of("a1"), List.of(), List.of()),
        noop("m1", List.of("b1", "c1"), List.of(), List.of())));
    assertEquals(List.of("m1"), ids(r.heads()));
    List<Step> up = r.targets.upgradeSteps("head", List.of("b1", "c1"));
    assertEquals(List.of("m1"), ran(up));
    assertEquals(List.of("m1"), up.get(0).after());
    List<Step> down = r.targets.downgradeSteps("b1", List.of("m1"));
    assertEquals(List.of("m1"), ran(down));
    assertEquals(List.of("b1", "c1"), down.get(0).after());
    MigrationException mergeRelative = assertThrows(MigrationException.class,
        () -> r.targets.downgradeSteps("-2", List.of("m1")));
    assertTrue(mergeRelative.getMessage().contains("is a merge of [b1, c1]"), mergeRelative.getMessage());
    assertEquals("upgrade b1, c1 -> m1, revision m1", up.get(0).describe());
  }

  @Test
  void historyIsNewestFirstWithinTheRange() {
    Revisions r = TestRevisions.linear();
    assertEquals(List.of("c3", "b2", "a1"), ids(r.history(null)));
    assertEquals(List.of("c3", "b2"), ids(r.history("b2:")));
    assertEquals(List.of("b2", "a1"), ids(r.history("base:b2")));
    assertEquals(List.of("c3", "b2"), ids(r.history("-2:current", List.of("c3"))));
    assertThrows(MigrationException.class, () -> r.history("current:"));
  }

  /** Registered in a service file written for the test's own class loader. */
  public static final class Source implements RevisionSource {
    @Override
    public List<RevisionInfo> revisions() {
      return TestRevisions.linear().all();
    }
  }

  @Test
  void loadFindsTheRegisteredSources(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path services = dir.resolve("META-INF/services");
    java.nio.file.Files.createDirectories(services);
    java.nio.file.Files.writeString(services.resolve(RevisionSource.class.getName()), Source.class.getName() + "\n");
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()},
        getClass().getClassLoader())) {
      Revisions r = Revisions.load(loader);
      assertTrue(ids(r.all()).containsAll(List.of("a1", "b2", "c3")), ids(r.all()).toString());
    }
  }

  @Test
  void newIdsAreTwelveHexDigits() {
    String id = Revisions.newId();
    assertTrue(id.matches("[0-9a-f]{12}"), id);
    assertTrue(!id.equals(Revisions.newId()));
  }

  @Test
  void offlineSqlWritesTheVersionTableAndTransactions() {
    Revisions r = TestRevisions.linear();
    String sqlite = r.sql(Vendor.SQLITE, "base:b2");
    assertTrue(sqlite.startsWith("CREATE TABLE IF NOT EXISTS quarry_version (version_num VARCHAR(32) NOT NULL"
        + " PRIMARY KEY);\nPRAGMA foreign_keys = OFF;\n"), sqlite);
    assertTrue(sqlite.contains("-- Running upgrade  -> a1, create users\nBEGIN;\nCREATE TABLE"), sqlite);
    assertTrue(sqlite.contains("INSERT INTO quarry_version (version_num) VALUES ('a1');\nCOMMIT;"), sqlite);
    assertTrue(sqlite.contains("UPDATE quarry_version SET version_num = 'b2' WHERE version_num = 'a1';\nCOMMIT;"),
        sqlite);
    assertTrue(sqlite.endsWith("PRAGMA foreign_keys = ON;\n"), sqlite);

    String h2 = r.sql(Vendor.H2, "c3:a1");
    assertTrue(!h2.contains("BEGIN") && !h2.contains("CREATE TABLE IF NOT EXISTS"), h2);
    assertTrue(h2.contains("-- Running downgrade c3 -> b2, seed users\nDELETE FROM users WHERE id = 1;\n"
        + "UPDATE quarry_version SET version_num = 'b2' WHERE version_num = 'c3';\n"), h2);
    assertTrue(h2.contains("DROP TABLE orders;"), h2);
    assertTrue(!h2.contains("DROP TABLE users"), h2);
  }
}
