package dev.quarry.testing;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.engine.EngineBuilder;
import dev.quarry.engine.EngineListener;
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
 * memory under a unique name, or a new database on the JVM's {@link EmbeddedPostgresServer}.
 * Gives its JDBC URL and an {@link Engine}; {@link #close()} closes the engines and deletes the
 * database. Run a test on every database with {@link AllDatabases}.
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
 * {@link AllDatabases} runs on; by default all three.
 */
public final class TestDatabase implements AutoCloseable {
  /** The kinds of database tests run on. */
  public enum Kind {
    SQLITE(Vendor.SQLITE),
    H2(Vendor.H2),
    POSTGRES(Vendor.POSTGRESQL),
    /** Opt-in for now ({@code -Dquarry.test.databases=mariadb}): a database on the JVM's {@link MariaDbServer}. */
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
   * The kinds enabled by the {@code quarry.test.databases} system property (default: SQLite, H2
   * and PostgreSQL; MariaDB only when named, until the suites pass on it).
   */
  public static List<Kind> enabledKinds() {
    String property = System.getProperty("quarry.test.databases", "").trim();
    if (property.isEmpty()) {
      return List.of(Kind.SQLITE, Kind.H2, Kind.POSTGRES);
    }
    List<Kind> kinds = new ArrayList<>();
    for (String name : property.split(",")) {
      String n = name.trim().toUpperCase(Locale.ROOT);
      kinds.add(n.equals("POSTGRESQL") || n.equals("PG") ? Kind.POSTGRES : Kind.valueOf(n));
    }
    return kinds;
  }

  public Kind kind() {
    return kind;
  }

  public Vendor vendor() {
    return kind.vendor();
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
