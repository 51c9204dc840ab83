package dev.quarry.migrate.cli;

import dev.quarry.migrate.codegen.RevisionWriter;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where new revisions are written, overriding the configuration (the Maven plugin passes its project's). */
final class SourceOptions {
  @Option(names = "--source-directory", paramLabel = "DIR",
      description = "Source root of the revisions (default: source.directory, else src/main/java).")
  String directory;

  @Option(names = "--package", description = "Package of the revisions (default: revisions.package, else db.migrations).")
  String revisionsPackage;

  Path write(RevisionWriter writer, MigrateConfig config) throws IOException {
    Path root = directory != null ? Path.of(directory) : config.sourceDirectory();
    return writer.writeTo(root, revisionsPackage != null ? revisionsPackage : config.revisionsPackage());
  }
}
