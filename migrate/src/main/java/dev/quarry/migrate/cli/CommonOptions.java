package dev.quarry.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command takes: the configuration file, the database, the classes, verbosity. */
final class CommonOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: ./" + MigrateConfig.FILE_NAME + " when it exists).")
  Path config;

  @Option(names = "--url", paramLabel = "JDBC_URL", description = "Database URL, e.g. jdbc:postgresql://host/db.")
  String url;

  @Option(names = "--user", description = "Database user.")
  String user;

  @Option(names = "--password", description = "Database password (better: password.env in the configuration).")
  String password;

  @Option(names = "--version-table", description = "The table recording the applied revisions (default: quarry_version).")
  String versionTable;

  @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH", split = "${sys:path.separator}",
      description = "Compiled revisions and entities, with the JDBC driver, if not already on the class path.")
  List<Path> classpath = new ArrayList<>();

  @Option(names = {"-v", "--verbose"}, description = "More detail; stack traces of failures.")
  boolean verbose;
}
