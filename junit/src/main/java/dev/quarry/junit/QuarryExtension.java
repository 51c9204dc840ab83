package dev.quarry.junit;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.Mappings;
import dev.quarry.sql.Table;
import dev.quarry.types.Vendor;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link QuarryTest}. Per test class: a private database (SQLite or
 * H2 in memory, or a new database in the run's embedded PostgreSQL), the schema created once, an
 * {@link Engine} and a {@link SessionFactory}. Per test: everything runs inside one outer
 * transaction that is rolled back afterwards — including work the test commits, which commits
 * only a savepoint. Test and lifecycle methods can declare parameters of type {@link Engine},
 * {@link SessionFactory}, {@link Session} (one per test, closed after it), {@link Connection}
 * (closed after the test) and {@link QueryCounter}.
 *
 * <p>Not for tests that need several concurrent transactions (they all share one physical
 * connection), nor for DDL inside a test on H2, which commits implicitly.
 */
public final class QuarryExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback, ParameterResolver {
  /** System property that overrides {@link QuarryTest#database()} for a whole run. */
  public static final String DATABASE_PROPERTY = "quarry.test.database";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(QuarryExtension.class);
  private static final AtomicInteger IN_MEMORY = new AtomicInteger();

  /** Created by JUnit for {@link QuarryTest} (or {@code @ExtendWith(QuarryExtension.class)}). */
  public QuarryExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    QuarryTest config = context.getRequiredTestClass().getAnnotation(QuarryTest.class);
    TestDatabase database = database(config);
    List<Table> tables = tables(config);
    context.getStore(NAMESPACE).put(ClassFixture.class, ClassFixture.open(database, tables));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    ClassFixture fixture = context.getStore(NAMESPACE).remove(ClassFixture.class, ClassFixture.class);
    if (fixture != null) {
      fixture.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    fixture(context).counter.reset();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Exception failure = null;
    try {
      Session session = store.remove(Session.class, Session.class);
      if (session != null) {
        session.close();
      }
      Connection connection = store.remove(Connection.class, Connection.class);
      if (connection != null) {
        connection.close();
      }
    } catch (RuntimeException e) {
      failure = e;
    }
    fixture(context).connections.rollbackTest();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    fixture(context).counter.reset();
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    ExpectQueries expected = context.getRequiredTestMethod().getAnnotation(ExpectQueries.class);
    if (expected != null && context.getExecutionException().isEmpty()) {
      QueryCounter.check(expected.value(), fixture(context).counter.statements(),
          context.getRequiredTestMethod().getName() + "()");
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Engine.class || type == SessionFactory.class || type == Session.class || type == Connection.class
        || type == QueryCounter.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ClassFixture fixture = fixture(context);
    Class<?> type = parameter.getParameter().getType();
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (type == Engine.class) {
      return fixture.engine;
    }
    if (type == SessionFactory.class) {
      return fixture.sessions;
    }
    if (type == QueryCounter.class) {
      return fixture.counter;
    }
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException(type.getSimpleName() + " is per test: declare it on a test, "
          + "@BeforeEach or @AfterEach method, not on " + parameter.getDeclaringExecutable());
    }
    if (type == Session.class) {
      return store.getOrComputeIfAbsent(Session.class, t -> fixture.sessions.openSession(), Session.class);
    }
    return store.getOrComputeIfAbsent(Connection.class, t -> fixture.engine.connect(), Connection.class);
  }

  private static ClassFixture fixture(ExtensionContext context) {
    ClassFixture fixture = context.getStore(NAMESPACE).get(ClassFixture.class, ClassFixture.class);
    if (fixture == null) {
      throw new IllegalStateException("no Quarry test database: annotate the class with @QuarryTest "
          + "(or @ExtendWith(QuarryExtension.class) on the class, not on a method)");
    }
    return fixture;
  }

  static TestDatabase database(QuarryTest config) {
    String override = System.getProperty(DATABASE_PROPERTY);
    if (override != null && !override.isBlank()) {
      try {
        return TestDatabase.valueOf(override.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("-D" + DATABASE_PROPERTY + "=" + override
            + " is not a test database; use sqlite, h2 or postgresql", e);
      }
    }
    return config == null ? TestDatabase.SQLITE : config.database();
  }

  private static List<Table> tables(QuarryTest config) {
    List<Table> tables = new ArrayList<>();
    if (config == null || config.entities().length == 0) {
      for (EntityMapping<?> mapping : Mappings.all().values()) {
        tables.add(mapping.table());
      }
    } else {
      for (Class<?> type : config.entities()) {
        tables.add(Mappings.of(type).table());
      }
    }
    return tables;
  }

  /** What a test class shares: the physical connection, the engine over it, the session factory. */
  static final class ClassFixture {
    final RollbackConnections connections;
    final Engine engine;
    final SessionFactory sessions;
    final QueryCounter counter;
    private final String postgresUrl;

    private ClassFixture(RollbackConnections connections, Engine engine, QueryCounter counter, String postgresUrl) {
      this.connections = connections;
      this.counter = counter;
      this.engine = engine;
      this.sessions = SessionFactory.of(engine);
      this.postgresUrl = postgresUrl;
    }

    static ClassFixture open(TestDatabase database, List<Table> tables) throws SQLException {
      String url;
      String postgresUrl = null;
      Vendor vendor;
      switch (database) {
        case H2 -> {
          url = "jdbc:h2:mem:quarry_junit_" + IN_MEMORY.incrementAndGet();
          vendor = Vendor.H2;
        }
        case POSTGRESQL -> {
          url = postgresUrl = EmbeddedPostgresHolder.newDatabaseUrl();
          vendor = Vendor.POSTGRESQL;
        }
        default -> {
          url = "jdbc:sqlite::memory:";
          vendor = Vendor.SQLITE;
        }
      }
      java.sql.Connection physical = DriverManager.getConnection(url);
      try {
        try (Statement s = physical.createStatement()) {
          if (vendor == Vendor.SQLITE) {
            s.execute("PRAGMA foreign_keys = ON"); // a no-op once a transaction is open
          }
        }
        RollbackConnections connections = new RollbackConnections(physical);
        // DDL straight on the physical connection: H2 commits DDL implicitly, which would end savepoints.
        try (Statement s = physical.createStatement()) {
          for (String ddl : Metadata.of(tables).createStatements(vendor)) {
            s.execute(ddl);
          }
        }
        connections.commitSetUp();
        QueryCounter counter = new QueryCounter();
        Engine engine = Engine.builder(connections).poolSize(4).listener(counter).build();
        return new ClassFixture(connections, engine, counter, postgresUrl);
      } catch (SQLException | RuntimeException e) {
        physical.close();
        throw e;
      }
    }

    void close() throws SQLException {
      try {
        engine.close();
      } finally {
        connections.rollbackTest();
        connections.closePhysical();
        if (postgresUrl != null) {
          EmbeddedPostgresHolder.dropDatabase(postgresUrl);
        }
      }
    }
  }
}
