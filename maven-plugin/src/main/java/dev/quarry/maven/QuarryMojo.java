package dev.quarry.maven;

import dev.quarry.migrate.cli.MigrateCommand;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: it runs the {@code quarry-migrate} command of the same name, the project's
 * compiled revisions, entity registries and JDBC driver found through a class loader over its runtime
 * class path. The command's output goes to the build log; its exit code decides the outcome.
 */
public abstract class QuarryMojo extends AbstractMojo {
  /** Database URL; default: {@code url} of the configuration file. */
  @Parameter(property = "quarry.url")
  String url;

  /** Database user. */
  @Parameter(property = "quarry.user")
  String user;

  /** Database password; better: an environment variable named by {@code password.env} in the configuration. */
  @Parameter(property = "quarry.password")
  String password;

  /** The configuration file; used when it exists. */
  @Parameter(property = "quarry.config", defaultValue = "${project.basedir}/quarry-migrate.properties")
  File configFile;

  /** The table recording the applied revisions; default: the configuration's, else {@code quarry_version}. */
  @Parameter(property = "quarry.versionTable")
  String versionTable;

  /** Stack traces of failures. */
  @Parameter(property = "quarry.verbose", defaultValue = "false")
  boolean verbose;

  /** Skips the goal. */
  @Parameter(property = "quarry.skip", defaultValue = "false")
  boolean skip;

  /** The project's runtime class path, its classes first. */
  @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
  List<String> classpathElements;

  /** The command and its own arguments, e.g. {@code ["upgrade", "head"]}. */
  abstract List<String> command();

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("skipped (quarry.skip)");
      return;
    }
    List<String> args = new ArrayList<>(command());
    addOption(args, "--url", url);
    addOption(args, "--user", user);
    addOption(args, "--password", password);
    addOption(args, "--version-table", versionTable);
    if (configFile != null && configFile.exists()) {
      addOption(args, "--config", configFile.getPath());
    }
    if (verbose) {
      args.add("--verbose");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (URLClassLoader loader = projectLoader()) {
      code = MigrateCommand.execute(loader, new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    } catch (IOException ex) {
      throw new MojoExecutionException("could not close the project's class loader", ex);
    }
    output(out.toString());
    err.toString().lines().forEach(line -> getLog().error(line));
    switch (code) {
      case MigrateCommand.OK -> { }
      case MigrateCommand.DIFFERENCES -> throw new MojoFailureException(
          "the database differs from the entities: write a revision (mvn quarry:revision -Dquarry.autogenerate "
              + "-Dquarry.message=...)");
      case MigrateCommand.USAGE -> throw new MojoExecutionException("quarry:" + command().get(0)
          + " is misconfigured: " + firstLine(err.toString()));
      default -> throw new MojoFailureException("quarry:" + command().get(0) + " failed: " + firstLine(err.toString()));
    }
  }

  /** Logs the command's output; the sql goal writes it to a file instead when asked to. */
  void output(String text) throws MojoExecutionException {
    text.lines().forEach(line -> getLog().info(line));
  }

  private URLClassLoader projectLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    for (String element : classpathElements) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException ex) {
        throw new MojoExecutionException("class path element " + element + " is not a valid path", ex);
      }
    }
    // The plugin's own quarry-migrate and quarry-runtime come first (parent first), so the project's
    // revisions and registries link against the classes that run them.
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }

  static void addOption(List<String> args, String name, String value) {
    if (value != null && !value.isBlank()) {
      args.add(name);
      args.add(value);
    }
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("see the log").replaceFirst("^(error|migration failed|failed): ", "");
  }
}
