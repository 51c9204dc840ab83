package dev.quarry.migrate.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.migrate.Migration;
import dev.quarry.migrate.RecordingOps;
import dev.quarry.schema.ColumnModel;
import dev.quarry.schema.SchemaChange;
import dev.quarry.schema.SchemaChanges;
import dev.quarry.schema.TableModel;
import dev.quarry.sql.CheckDef;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.UniqueDef;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A written revision compiles, and running it makes exactly the changes it was written from. */
class RevisionWriterTest {
  private static final LocalDateTime WHEN = LocalDateTime.of(2026, 12, 7, 22, 5);

  @TempDir
  Path dir;

  static final TableModel USERS = new TableModel(null, "users", List.of(
      new ColumnModel("id", SqlTypes.BIGINT, false, true, false, null),
      new ColumnModel("email", SqlTypes.varchar(120), false, false, true, null),
      new ColumnModel("name", SqlTypes.VARCHAR, true, false, false, "'anonymous'"),
      new ColumnModel("balance", SqlTypes.decimal(12, 2), true, false, false, null),
      new ColumnModel("born", SqlTypes.DATE, true, false, false, null),
      new ColumnModel("seen", SqlTypes.INSTANT, true, false, false, null),
      new ColumnModel("avatar", SqlTypes.binary(1024), true, false, false, null),
      new ColumnModel("color", SqlTypes.enumByName(Thread.State.class, Thread.State.values()), true, false, false,
          null),
      new ColumnModel("team_id", SqlTypes.INTEGER, true, false, false, null)),
      List.of("id"),
      List.of(new ForeignKey("fk_users_team", List.of("team_id"), null, "teams", List.of("id"),
          ReferentialAction.CASCADE, ReferentialAction.DEFAULT)),
      List.of(new UniqueDef("uq_users_name_born", List.of("name", "born"))),
      List.of(new CheckDef("ck_users_balance", "balance >= 0")),
      List.of(new IndexDef("ix_users_seen", List.of("seen"), false)));

  static final List<SchemaChange> EVERY_KIND = List.of(
      new SchemaChange.CreateTable(new TableModel(null, "teams",
          List.of(new ColumnModel("id", SqlTypes.INTEGER, false, false, false, null)), List.of("id"), List.of(),
          List.of(), List.of(), List.of())),
      new SchemaChange.CreateTable(USERS),
      new SchemaChange.AddColumn(null, "teams", new ColumnModel("title", SqlTypes.TEXT, false, false, false, "''")),
      new SchemaChange.RenameColumn(null, "teams", "title", "name"),
      new SchemaChange.AlterColumnType(null, "teams", "name", SqlTypes.varchar(80)),
      new SchemaChange.AlterColumnNullable(null, "teams", "name", true),
      new SchemaChange.AlterColumnDefault(null, "teams", "name", null),
      new SchemaChange.AlterColumnDefault(null, "users", "name", "'x'"),
      new SchemaChange.CreateIndex(null, "teams", new IndexDef("ix_teams_name", List.of("name"), true)),
      new SchemaChange.DropIndex(null, "teams", "ix_teams_name"),
      new SchemaChange.AddUnique(null, "teams", new UniqueDef("uq_teams_name", List.of("name"))),
      new SchemaChange.AddForeignKey(null, "users", new ForeignKey("fk_a", List.of("team_id"), null, "teams",
          List.of("id"), ReferentialAction.DEFAULT, ReferentialAction.DEFAULT)),
      new SchemaChange.AddForeignKey(null, "users", new ForeignKey("fk_b", List.of("team_id"), null, "teams",
          List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.CASCADE)),
      new SchemaChange.AddCheck(null, "teams", new CheckDef("ck_teams_id", "id > 0")),
      new SchemaChange.DropConstraint(null, "teams", "uq_teams_name", SchemaChange.ConstraintKind.UNIQUE),
      new SchemaChange.CreateSequence(new SequenceDef(null, "users_seq", 50)),
      new SchemaChange.AlterSequence(null, "users_seq", 10),
      new SchemaChange.DropSequence(null, "users_seq"),
      new SchemaChange.CreateEnumType("shop", "mood", List.of("happy", "sad")),
      new SchemaChange.DropEnumType("shop", "mood"),
      new SchemaChange.ExecuteSql("UPDATE teams SET name = 'it''s' WHERE id = 1"),
      new SchemaChange.InsertRows(null, "teams", List.of(row("id", 1, "name", "core"),
          row("id", 2, "name", "ops", "born", LocalDate.of(2020, 1, 2)))),
      new SchemaChange.RenameTable(null, "teams", "squads"),
      new SchemaChange.DropColumn(null, "users", "avatar"),
      new SchemaChange.DropTable("shop", "legacy"));

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void everyKindOfChangeIsWrittenAsTheOpCallThatMakesIt() throws Exception {
    List<SchemaChange> down = List.of(new SchemaChange.DropTable(null, "users"));
    // the processor checks that the parent is a revision of the compilation
    RevisionWriter.revision("1975ea83b712", List.of(), "base").createdAt(WHEN).writeTo(dir.resolve("src"), "app.db");
    Path file = RevisionWriter.revision("4f1c2a9e0b7d", List.of("1975ea83b712"), "add users, teams & more")
        .upgrade(new SchemaChanges.Diff(EVERY_KIND, List.of("users.nick may be a rename of users.name")))
        .downgrade(new SchemaChanges.Diff(down, List.of()))
        .createdAt(WHEN)
        .writeTo(dir.resolve("src"), "app.db");
    assertEquals(dir.resolve("src/app/db/R202612072205_AddUsersTeamsMore.java"), file);
    String source = Files.readString(file);
    assertTrue(source.contains("@Revision(\n    id = \"4f1c2a9e0b7d\",\n    revises = \"1975ea83b712\",\n"
        + "    message = \"add users, teams & more\"\n)"), source);
    assertTrue(source.contains("    // note: users.nick may be a rename of users.name\n"), source);
    assertTrue(source.contains("    // drops data: drop column users.avatar\n    op.dropColumn(\"users\", \"avatar\");"),
        source);
    assertTrue(source.contains("// color: stored as VARCHAR(32) (the model's Java type is State)"), source);
    assertTrue(source.contains("op.createTable(Table.builder(\"teams\")\n"
        + "        .column(ColumnSpec.of(\"id\", SqlTypes.INTEGER).primaryKey())\n        .build());"), source);

    List<SchemaChange> upgrade = new ArrayList<>();
    List<SchemaChange> downgrade = new ArrayList<>();
    Migration m = load(file, "app.db.R202612072205_AddUsersTeamsMore");
    m.upgrade(RecordingOps.into(upgrade, Vendor.H2));
    m.downgrade(RecordingOps.into(downgrade, Vendor.H2));
    assertEquals(EVERY_KIND.size(), upgrade.size());
    for (int i = 0; i < EVERY_KIND.size(); i++) {
      assertEquals(EVERY_KIND.get(i).describe(), upgrade.get(i).describe());
      if (!(EVERY_KIND.get(i) instanceof SchemaChange.CreateTable t && t.table().name().equals("users"))) {
        assertEquals(EVERY_KIND.get(i), upgrade.get(i)); // users has a converted type, written as its storage
      }
    }
    TableModel users = ((SchemaChange.CreateTable) upgrade.get(1)).table();
    assertEquals(SqlTypes.varchar(32), users.column("color").type());
    assertEquals(USERS.foreignKeys(), users.foreignKeys());
    assertEquals(USERS.indexes(), users.indexes());
    assertEquals(USERS.checks(), users.checks());
    assertEquals(USERS.uniques(), users.uniques());
    assertEquals(down, downgrade);
  }

  @Test
  void emptyAndMergeRevisionsDoNothing() throws Exception {
    RevisionWriter empty = RevisionWriter.revision("a1", List.of(), "").createdAt(WHEN);
    assertEquals("R202612072205_a1", empty.className());
    Path first = empty.writeTo(dir.resolve("src"), "app.db");
    RevisionWriter.revision("b2", List.of("a1"), "").createdAt(WHEN).writeTo(dir.resolve("src"), "app.db");
    Path c3 = RevisionWriter.revision("c3", List.of("a1"), "merge heads").createdAt(WHEN)
        .writeTo(dir.resolve("src"), "app.db");
    assertEquals("R202612072205_MergeHeads.java", c3.getFileName().toString());
    Path merge = RevisionWriter.merge("m4", List.of("b2", "c3"), "merge heads").createdAt(WHEN)
        .writeTo(dir.resolve("src"), "app.db");
    // the same name twice: the second file gets a suffix instead of replacing the first
    assertEquals("R202612072205_MergeHeads_2.java", merge.getFileName().toString());
    String source = Files.readString(merge);
    assertTrue(source.contains("public final class R202612072205_MergeHeads_2 implements Migration"), source);
    assertTrue(source.contains("revises = {\"b2\", \"c3\"}"), source);
    assertTrue(source.contains("  public void upgrade(Ops op) {\n    // nothing to do\n  }"), source);
    assertTrue(source.contains("  public void downgrade(Ops op) {\n    // nothing to do\n  }"), source);
    List<SchemaChange> changes = new ArrayList<>();
    load(first, "app.db.R202612072205_a1").upgrade(RecordingOps.into(changes, Vendor.SQLITE));
    assertEquals(List.of(), changes);
  }

  @Test
  void messageToClassName() {
    assertEquals("AddUsersEmail", RevisionWriter.camelCase("add users.email"));
    assertEquals("V2Schema", RevisionWriter.camelCase("  v2 -- schema!"));
  }

  /** Compiles the written revisions with the processor, as a build would, and creates one. */
  private Migration load(Path file, String className) throws Exception {
    Path classes = dir.resolve("classes-" + System.nanoTime());
    Javac.compile(dir.resolve("src"), classes);
    assertTrue(Files.exists(classes.resolve("META-INF/services/dev.quarry.migrate.RevisionSource")));
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    return (Migration) loader.loadClass(className).getConstructor().newInstance();
  }
}
