package dev.quarry.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the SQL that moves a database between two targets, without a database:
 * {@code mvn quarry:sql -Dquarry.range=base:head -Dquarry.dialect=postgresql -Dquarry.output=upgrade.sql}.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class SqlMojo extends QuarryMojo {
  /** FROM:TO, e.g. base:head, or head:base to downgrade. */
  @Parameter(property = "quarry.range", required = true)
  String range;

  /** sqlite, h2, postgresql, mysql or mariadb; default: the URL's database. */
  @Parameter(property = "quarry.dialect")
  String dialect;

  /** A file for the script; without one the script goes to the log. */
  @Parameter(property = "quarry.output")
  File output;

  @Override
  List<String> command() {
    List<String> args = new ArrayList<>(List.of("sql", range));
    addOption(args, "--dialect", dialect);
    return args;
  }

  @Override
  void output(String text) throws MojoExecutionException {
    if (output == null) {
      super.output(text);
      return;
    }
    try {
      if (output.getParentFile() != null) {
        Files.createDirectories(output.getParentFile().toPath());
      }
      Files.writeString(output.toPath(), text, StandardCharsets.UTF_8);
      getLog().info("wrote " + output);
    } catch (IOException ex) {
      throw new MojoExecutionException("could not write " + output + ": " + ex.getMessage(), ex);
    }
  }
}
