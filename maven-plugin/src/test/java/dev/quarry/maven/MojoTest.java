package dev.quarry.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals with their fields set as Maven would, run against a SQLite file and a project whose
 * revisions were compiled with Quarry's processor.
 */
class MojoTest {
  @TempDir
  Path dir;

  private Path classes;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void project() throws IOException {
    Path src = dir.resolve("src/main/java/app/db");
    Files.createDirectories(src);
    revision(src, "Teams", "aaa111", "", "op.createTable(Table.builder(\"teams\")"
        + ".column(ColumnSpec.of(\"id\", SqlTypes.BIGINT).primaryKey()).build());", "op.dropTable(\"teams\");");
    revision(src, "Names", "bbb222", "\"aaa111\"", "op.addColumn(\"teams\", ColumnSpec.of(\"name\", SqlTypes.TEXT));",
        "op.dropColumn(\"teams\", \"name\");");
    classes = dir.resolve("target/classes");
    compile(dir.resolve("src/main/java"), classes);
  }

  private static void revision(Path src, String name, String id, String revises, String up, String down)
      throws IOException {
    Files.writeString(src.resolve(name + ".java"), """
        package app.db;
        import dev.quarry.migrate.*;
        import dev.quarry.sql.*;
        import dev.quarry.types.SqlTypes;
        @Revision(id = "%s", revises = {%s}, message = "%s")
        public final class %s implements Migration {
          public void upgrade(Ops op) { %s }
          public void downgrade(Ops op) { %s }
        }
        """.formatted(id, revises, name.toLowerCase(java.util.Locale.ROOT), name, up, down));
  }

  private static void compile(Path sources, Path out) throws IOException {
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "-Xlint:-processing"));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    Files.createDirectories(out);
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    if (ToolProvider.getSystemJavaCompiler().run(null, messages, messages, args.toArray(String[]::new)) != 0) {
      throw new AssertionError(messages.toString(StandardCharsets.UTF_8));
    }
  }

  /** A goal set up as Maven would: the project's class path, the database, the log captured. */
  private <M extends QuarryMojo> M mojo(M mojo) {
    mojo.url = "jdbc:sqlite:" + dir.resolve("app.db");
    mojo.configFile = dir.resolve("quarry-migrate.properties").toFile();
    mojo.classpathElements = List.of(classes.toString());
    mojo.setLog(new Captured());
    return mojo;
  }

  @Test
  void upgradeCurrentHeadsHistoryDowngrade() throws Exception {
    mojo(new HeadsMojo()).execute();
    assertEquals(List.of("info: bbb222 (head)"), log);
    log.clear();
    mojo(new HistoryMojo()).execute();
    assertEquals(List.of("info: aaa111 -> bbb222 (head), names", "info: <base> -> aaa111, teams"), log);
    log.clear();

    UpgradeMojo upgrade = mojo(new UpgradeMojo());
    upgrade.target = "head";
    upgrade.execute();
    assertEquals(List.of("info: upgraded <base> -> aaa111, teams", "info: upgraded aaa111 -> bbb222, names"), log);
    log.clear();
    mojo(new CurrentMojo()).execute();
    assertEquals(List.of("info: bbb222 (head)"), log);
    log.clear();

    DowngradeMojo downgrade = mojo(new DowngradeMojo());
    downgrade.target = "base";
    downgrade.execute();
    StampMojo stamp = mojo(new StampMojo());
    stamp.targets = List.of("aaa111");
    stamp.execute();
    log.clear();
    mojo(new CurrentMojo()).execute();
    assertEquals(List.of("info: aaa111"), log);
  }

  @Test
  void sqlToAFile() throws Exception {
    SqlMojo sql = mojo(new SqlMojo());
    sql.range = "base:head";
    sql.dialect = "postgresql";
    sql.output = dir.resolve("target/upgrade.sql").toFile();
    sql.execute();
    String script = Files.readString(sql.output.toPath());
    assertTrue(script.contains("CREATE TABLE teams"), script);
    assertEquals(List.of("info: wrote " + sql.output), log);
  }

  @Test
  void revisionAndMergeWriteIntoTheSourceDirectory() throws Exception {
    RevisionMojo revision = mojo(new RevisionMojo());
    revision.message = "add audit";
    revision.sourceDirectory = dir.resolve("src/main/java").toFile();
    revision.revisionsPackage = "app.db";
    revision.execute();
    assertTrue(log.get(0).startsWith("info: wrote " + dir.resolve("src/main/java/app/db/R")), log.toString());
    assertTrue(log.get(0).endsWith("_AddAudit.java"), log.toString());

    MergeMojo merge = mojo(new MergeMojo());
    merge.message = "merge";
    merge.revisions = List.of("heads");
    merge.sourceDirectory = revision.sourceDirectory;
    MojoExecutionException oneHead = assertThrows(MojoExecutionException.class, merge::execute);
    assertTrue(oneHead.getMessage().contains("a merge needs at least two revisions"), oneHead.getMessage());
  }

  @Test
  void failuresFailTheBuild() {
    DowngradeMojo unknown = mojo(new DowngradeMojo());
    unknown.target = "nope42";
    MojoFailureException failed = assertThrows(MojoFailureException.class, unknown::execute);
    assertTrue(failed.getMessage().startsWith("quarry:downgrade failed: "), failed.getMessage());

    CurrentMojo noUrl = mojo(new CurrentMojo());
    noUrl.url = null;
    MojoExecutionException config = assertThrows(MojoExecutionException.class, noUrl::execute);
    assertTrue(config.getMessage().contains("no database URL"), config.getMessage());

    CheckMojo skipped = mojo(new CheckMojo());
    skipped.skip = true;
    assertThrowsNothing(skipped);
  }

  private static void assertThrowsNothing(QuarryMojo mojo) {
    try {
      mojo.execute();
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
  }

  /** The log as "level: line". */
  private final class Captured implements Log {
    @Override public boolean isDebugEnabled() { return false; }
    @Override public void debug(CharSequence content) {}
    @Override public void debug(CharSequence content, Throwable error) {}
    @Override public void debug(Throwable error) {}
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence content) { log.add("info: " + content); }
    @Override public void info(CharSequence content, Throwable error) { log.add("info: " + content); }
    @Override public void info(Throwable error) { log.add("info: " + error); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence content) { log.add("warn: " + content); }
    @Override public void warn(CharSequence content, Throwable error) { log.add("warn: " + content); }
    @Override public void warn(Throwable error) { log.add("warn: " + error); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence content) { log.add("error: " + content); }
    @Override public void error(CharSequence content, Throwable error) { log.add("error: " + content); }
    @Override public void error(Throwable error) { log.add("error: " + error); }
  }
}
