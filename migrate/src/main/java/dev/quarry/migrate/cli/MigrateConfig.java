package dev.quarry.migrate.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The settings of {@code quarry-migrate.properties} (written by {@code init}), overridden by the
 * command line: database URL and credentials, where new revisions are written, the version table,
 * and which entity registries make the model. Paths are relative to the file's folder.
 */
record MigrateConfig(String url, String user, String password, Path sourceDirectory, String revisionsPackage,
    String versionTable, List<String> registries) {
  static final String FILE_NAME = "quarry-migrate.properties";
  static final String DEFAULT_VERSION_TABLE = "quarry_version";

  /**
   * Reads {@code file}: a file named on the command line must exist; the default one may be missing, and
   * then only the command line configures.
   */
  static MigrateConfig load(Path file, boolean named, CommonOptions options) {
    Properties p = new Properties();
    Path base = file.toAbsolutePath().getParent();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException ex) {
        throw new ConfigException("cannot read " + file + ": " + ex.getMessage(), ex);
      }
    } else if (named) {
      throw new ConfigException("configuration file " + file + " does not exist; write one with "
          + "'quarry-migrate init', or leave out --config and pass --url");
    }
    String password = p.getProperty("password");
    String passwordEnv = p.getProperty("password.env");
    if (options.password != null) {
      password = options.password;
    } else if (passwordEnv != null && !passwordEnv.isBlank()) {
      password = System.getenv(passwordEnv.trim());
      if (password == null) {
        throw new ConfigException(file + " reads the password from environment variable " + passwordEnv.trim()
            + ", which is not set; set it, or pass --password");
      }
    }
    String source = p.getProperty("source.directory", "src/main/java");
    String registries = p.getProperty("entity.registries", "").trim();
    return new MigrateConfig(
        firstNonBlank(options.url, p.getProperty("url")),
        firstNonBlank(options.user, p.getProperty("user")),
        password,
        base.resolve(source.trim()).normalize(),
        p.getProperty("revisions.package", "db.migrations").trim(),
        firstNonBlank(options.versionTable, firstNonBlank(p.getProperty("version.table"), DEFAULT_VERSION_TABLE)),
        registries.isEmpty() ? List.of() : Arrays.stream(registries.split(",")).map(String::trim).toList());
  }

  /** Writes a commented configuration, without a password (it says where one goes). */
  static void write(Path file, String url, String user, String sourceDirectory, String revisionsPackage)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# Quarry migrations (quarry-migrate). Options on the command line win over these settings.");
    lines.add("# The database: a JDBC URL; its driver must be on the class path.");
    lines.add("url=" + (url == null ? "" : url));
    lines.add("user=" + (user == null ? "" : user));
    lines.add("# The password: better read from an environment variable than written here.");
    lines.add("#password.env=QUARRY_MIGRATE_PASSWORD");
    lines.add("#password=");
    lines.add("# Where 'revision' and 'merge' write new revisions (relative to this file), and their package.");
    lines.add("source.directory=" + sourceDirectory);
    lines.add("revisions.package=" + revisionsPackage);
    lines.add("# The table that records which revisions the database is at.");
    lines.add("version.table=" + DEFAULT_VERSION_TABLE);
    lines.add("# The entities whose schema 'check' and 'revision --autogenerate' compare with the database:");
    lines.add("# every generated registry on the class path, or only these (comma-separated class names).");
    lines.add("entity.registries=");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    }
  }

  /** The URL, or an error saying where to give it. */
  String requireUrl() {
    if (url == null) {
      throw new ConfigException("no database URL: pass --url, or set url in " + FILE_NAME
          + " (quarry-migrate init writes one)");
    }
    return url;
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    return b == null || b.isBlank() ? null : b.trim();
  }
}
