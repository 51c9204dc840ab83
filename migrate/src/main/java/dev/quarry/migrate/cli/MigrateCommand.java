package dev.quarry.migrate.cli;

import dev.quarry.migrate.MigrationException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The {@code quarry-migrate} command line (Alembic's {@code alembic} command): init, revision, upgrade,
 * downgrade, current, heads, history, merge, stamp, check, sql. Exit codes: 0 done, 1 {@code check}
 * found differences, 2 a usage or configuration mistake, 3 a migration that failed. Messages go to
 * stderr, without a stack trace unless {@code --verbose}.
 */
@Command(name = "quarry-migrate", mixinStandardHelpOptions = true, version = "quarry-migrate 0.1",
    description = "Schema migrations for Quarry: revisions in a graph, run against a database or written as SQL.",
    subcommands = {GraphCommands.Init.class, GraphCommands.NewRevision.class, DatabaseCommands.Upgrade.class,
        DatabaseCommands.Downgrade.class, DatabaseCommands.Current.class, GraphCommands.Heads.class,
        GraphCommands.History.class, GraphCommands.Merge.class, DatabaseCommands.Stamp.class,
        DatabaseCommands.Check.class, GraphCommands.Sql.class})
public final class MigrateCommand implements Callable<Integer> {
  /** Exit code: done. */
  public static final int OK = 0;
  /** Exit code: {@code check} found differences between the database and the entities. */
  public static final int DIFFERENCES = 1;
  /** Exit code: a usage or configuration mistake. */
  public static final int USAGE = 2;
  /** Exit code: a migration (or the database) failed. */
  public static final int FAILED = 3;

  private final ClassLoader loader;

  @Spec
  CommandSpec spec;

  private MigrateCommand(ClassLoader loader) {
    this.loader = loader;
  }

  /** Runs the command line with the JVM's class path as the application's classes. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(Thread.currentThread().getContextClassLoader(), out, err, args));
  }

  /**
   * Runs one command, the application's revisions, entities and JDBC driver found through {@code loader};
   * returns the exit code.
   */
  public static int execute(ClassLoader loader, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new MigrateCommand(loader));
    cli.setOut(out).setErr(err); // picocli answers invalid input with exit code 2 (USAGE)
    cli.setExecutionExceptionHandler((ex, line, parsed) -> failure(ex, line, err));
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static int failure(Exception ex, CommandLine line, PrintWriter err) {
    boolean verbose = line.getCommand() instanceof Action a && a.common.verbose;
    int code;
    if (ex instanceof ConfigException) {
      err.println("error: " + ex.getMessage());
      code = USAGE;
    } else if (ex instanceof MigrationException) {
      err.println("migration failed: " + ex.getMessage());
      code = FAILED;
    } else {
      err.println("failed: " + ex.getMessage() + " (" + ex.getClass().getSimpleName() + ")");
      code = FAILED;
    }
    if (verbose) {
      ex.printStackTrace(err);
    } else if (!(ex instanceof ConfigException)) {
      err.println("(--verbose shows the stack trace)");
    }
    return code;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }

  /** A command: the common options, a session over them, its output. */
  abstract static class Action implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @ParentCommand
    MigrateCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
      try (Session session = new Session(common, root.loader)) {
        if (!(this instanceof GraphCommands.Init)) {
          session.config(); // a configuration mistake is reported whatever the command needs of it
        }
        return run(session, spec.commandLine().getOut());
      }
    }

    abstract int run(Session session, PrintWriter out) throws Exception;
  }
}
