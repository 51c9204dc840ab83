package dev.quarry.testing;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.engine.EngineBuilder;
import dev.quarry.engine.EngineListener;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.Vendor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A fresh, isolated database for one test: SQLite in a temporary file (or in memory), H2 in
 * memory under a unique name, or a new database on the JVM's {@link EmbeddedPostgresServer} or
 * {@link MariaDbServer}. Gives its JDBC URL and an {@link Engine}; {@link #close()} closes the
 * engines and deletes the database. Run a test on every database with {@link AllDatabases}.
 *
 * <pre>{@code
 * @AllDatabases
 * void roundTrip(TestDatabase db) {
 *   db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
 *   db.engine().useConnection(c -> ...);
 * }
 * }</pre>
 *
 * <p>The system property {@code quarry.test.databases} (e.g. {@code sqlite,h2}) limits the kinds
 * {@link AllDatabases} runs on; by default all four.
 *
 * <p>Hand-written SQL that names tables or columns Quarry created (quoted, lower-case) writes them
 * in double quotes and goes through {@link #quoted(String)}, which re-quotes them the way this
 * database quotes identifiers (MariaDB reads {@code "x"} as a string, not a name).
 */
public final class TestDatabase implements AutoCloseable {
  /** The kinds of database tests run on. */
  public enum Kind {
    SQLITE(Vendor.SQLITE),
    H2(Vendor.H2),
    POSTGRES(Vendor.POSTGRESQL),
    /** A database on the JVM's {@link MariaDbServer}. */
    MARIADB(Vendor.MARIADB);

    private final Vendor vendor;

    Kind(Vendor vendor) {
      this.vendor = vendor;
    }

    /** The vendor of this kind. */
    public Vendor vendor() {
      return vendor;
    }
  }

  private static final AtomicInteger H2_NAMES = new AtomicInteger();

  private final Kind kind;
  private final String url;
  private final Path file;
  private final String postgresDatabase;
  private String mariaDbDatabase;
  private final List<Engine> engines = new ArrayList<>();
  private Engine engine;

  private TestDatabase(Kind kind, String url, Path file, String postgresDatabase) {
    this.kind = kind;
    this.url = url;
    this.file = file;
    this.postgresDatabase = postgresDatabase;
  }

  /** A new, empty database of {@code kind} (SQLite: a temporary file). */
  public static TestDatabase create(Kind kind) {
    switch (kind) {
      case SQLITE:
        try {
          Path file = Files.createTempFile("quarry-test-", ".db");
          return new TestDatabase(kind, "jdbc:sqlite:" + file, file, null);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      case H2:
        return new TestDatabase(kind, "jdbc:h2:mem:quarry_test_" + H2_NAMES.incrementAndGet()
            + ";DB_CLOSE_ON_EXIT=FALSE", null, null);
      case POSTGRES:
        String name = EmbeddedPostgresServer.createDatabase();
        return new TestDatabase(kind, EmbeddedPostgresServer.jdbcUrl(name), null, name);
      case MARIADB:
        String database = MariaDbServer.createDatabase();
        TestDatabase db = new TestDatabase(kind, MariaDbServer.jdbcUrl(database), null, null);
        db.mariaDbDatabase = database;
        return db;
      default:
        throw new AssertionError(kind);
    }
  }

  /** An in-memory SQLite database ({@code jdbc:sqlite::memory:}); its engine has a single connection. */
  public static TestDatabase sqliteInMemory() {
    return new TestDatabase(Kind.SQLITE, "jdbc:sqlite::memory:", null, null);
  }

  /**
   * The kinds enabled by the {@code quarry.test.databases} system property, a comma-separated
   * list such as {@code sqlite,h2} (also {@code postgresql}/{@code pg}); default: all four.
   */
  public static List<Kind> enabledKinds() {
    String property = System.getProperty("quarry.test.databases", "").trim();
    if (property.isEmpty()) {
      return List.of(Kind.values());
    }
    List<Kind> kinds = new ArrayList<>();
    for (String name : property.split(",")) {
      String n = name.trim().toUpperCase(Locale.ROOT);
      try {
        kinds.add(n.equals("POSTGRESQL") || n.equals("PG") ? Kind.POSTGRES : Kind.valueOf(n));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("quarry.test.databases: unknown database '" + name.trim()
            + "'; use a comma-separated list of sqlite, h2, postgres, mariadb", e);
      }
    }
    return kinds;
  }

  public Kind kind() {
    return kind;
  }

  public Vendor vendor() {
    return kind.vendor();
  }

  /** {@code identifier} quoted as this database quotes names ({@code "x"}, or {@code `x`} on MariaDB). */
  public String quote(String identifier) {
    return Dialect.of(vendor()).quote(identifier);
  }

  /**
   * {@code sql} with every double-quoted identifier re-quoted for this database, so one text
   * names Quarry's quoted lower-case tables and columns everywhere: on MariaDB
   * {@code SELECT "id" FROM "users"} becomes {@code SELECT `id` FROM `users`}. String literals
   * ({@code '…'}) are left as they are; a doubled {@code ""} inside a name is one quote character.
   */
  public String quoted(String sql) {
    return quoted(sql, Dialect.of(vendor()));
  }

  /** {@link #quoted(String)} for {@code dialect}: for tests that compare SQL text per dialect. */
  public static String quoted(String sql, Dialect dialect) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = sql.indexOf('\'', i + 1);
        while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
          end = sql.indexOf('\'', end + 2);
        }
        if (end < 0) {
          throw new IllegalArgumentException("unterminated string literal in " + sql);
        }
        out.append(sql, i, end + 1);
        i = end + 1;
      } else if (c == '"') {
        StringBuilder name = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= sql.length()) {
            throw new IllegalArgumentException("unterminated quoted identifier in " + sql);
          }
          if (sql.charAt(j) == '"') {
            if (j + 1 < sql.length() && sql.charAt(j + 1) == '"') {
              name.append('"');
              j += 2;
              continue;
            }
            break;
          }
          name.append(sql.charAt(j++));
        }
        out.append(dialect.quote(name.toString()));
        i = j + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The JDBC URL of this database. */
  public String jdbcUrl() {
    return url;
  }

  /** A builder for another engine on this database with the test defaults (small pool, 10 s pool timeout). */
  public EngineBuilder engineBuilder() {
    EngineBuilder builder = Engine.builder(url).poolSize(2).maxOverflow(6).poolTimeout(Duration.ofSeconds(10));
    if (kind == Kind.SQLITE && file != null) {
      builder.listener(NO_FSYNC); // tests need no durability; each autocommit write would fsync the file
    }
    return builder;
  }

  private static final EngineListener NO_FSYNC = new EngineListener() {
    @Override
    public void onConnect(java.sql.Connection connection, Vendor vendor) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA synchronous = OFF");
      }
    }
  };

  /** The database's engine with test defaults, created on first call and closed with the database. */
  public synchronized Engine engine() {
    if (engine == null) {
      engine = newEngine(UnaryOperator.identity());
    }
    return engine;
  }

  /** Another engine on this database, customised from {@link #engineBuilder()}; closed with the database. */
  public synchronized Engine newEngine(UnaryOperator<EngineBuilder> customizer) {
    Engine e = customizer.apply(engineBuilder()).build();
    engines.add(e);
    return e;
  }

  /** Executes SQL statements (DDL, fixtures) in order, each in autocommit, on {@link #engine()}. */
  public void execute(String... statements) {
    try (Connection c = engine().connect()) {
      for (String sql : statements) {
        c.executeUpdate(RawSql.of(sql));
      }
    }
  }

  /** Closes the engines and deletes the database. */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    for (Engine e : engines) {
      try {
        e.close();
      } catch (RuntimeException ex) {
        failure = failure == null ? ex : failure;
      }
    }
    engines.clear();
    engine = null;
    if (postgresDatabase != null) {
      EmbeddedPostgresServer.dropDatabase(postgresDatabase);
    }
    if (mariaDbDatabase != null) {
      MariaDbServer.dropDatabase(mariaDbDatabase);
    }
    if (file != null) {
      for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
        try {
          Files.deleteIfExists(Path.of(file + suffix));
        } catch (IOException ignored) {
          // a temporary file; the OS cleans up
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return kind.vendor().displayName();
  }
}
