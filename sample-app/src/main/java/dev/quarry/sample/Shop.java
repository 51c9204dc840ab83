package dev.quarry.sample;

import dev.quarry.engine.Engine;
import dev.quarry.migrate.Migrator;
import dev.quarry.migrate.Revisions;
import dev.quarry.orm.SessionFactory;
import dev.quarry.sample.api.ShopApi;
import dev.quarry.sample.model.QEmployee;
import dev.quarry.sample.model.QOrder;
import dev.quarry.sample.model.QOrderItem;
import dev.quarry.sample.model.QProduct;
import dev.quarry.sample.model.QProfile;
import dev.quarry.sample.model.QRole;
import dev.quarry.sample.model.QUser;
import dev.quarry.schema.Metadata;
import io.javalin.Javalin;

/** The running shop: engine, schema, seed data, session factory and HTTP server. Close it to stop. */
public final class Shop implements AutoCloseable {
  /**
   * Every table of the shop, from the generated metamodels: the schema the migrations in
   * {@code dev.quarry.sample.migrations} must arrive at ({@link #migrator}'s {@code check()}). The
   * association table {@code user_roles} of {@code User.roles} comes with {@code QUser} and
   * {@code QRole}: it is not listed.
   */
  public static final Metadata METADATA = Metadata.of(QRole.role, QUser.user, QProfile.profile,
      QProduct.product, QOrder.order, QOrderItem.orderItem, QEmployee.employee);

  /**
   * The default SQLite file. Version 3 is the first whose schema the migrations manage (a file of
   * an older version has tables but no version table); from here on a schema change is a new
   * revision, not a new file.
   */
  public static final String DEFAULT_FILE = "quarry-shop-v3.db";

  private final Engine engine;
  private final Javalin server;
  private final boolean seeded;

  private Shop(Engine engine, Javalin server, boolean seeded) {
    this.engine = engine;
    this.server = server;
    this.seeded = seeded;
  }

  /**
   * Connects to {@code jdbcUrl}, upgrades the schema to the newest revision, seeds an empty
   * database and serves the API on {@code port} (0 for any free port) of the loopback interface.
   */
  public static Shop start(String jdbcUrl, int port) {
    Engine engine = Engine.create(jdbcUrl);
    try {
      migrator(engine).upgrade("heads");
      SessionFactory sessions = SessionFactory.of(engine);
      boolean seeded = Seed.seedIfEmpty(sessions);
      Javalin server = ShopApi.server(sessions.scoped()).start("127.0.0.1", port);
      return new Shop(engine, server, seeded);
    } catch (RuntimeException e) { // the port is taken, the database unreachable, a migration failed
      engine.close();
      throw e;
    }
  }

  /**
   * The shop's migrator on {@code engine}: the revisions the processor registered for this
   * application, checked against {@link #METADATA}.
   */
  public static Migrator migrator(Engine engine) {
    return Migrator.builder(engine)
        .revisions(Revisions.load(Shop.class.getClassLoader()))
        .model(METADATA.model())
        .build();
  }

  public int port() {
    return server.port();
  }

  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /** Whether this start wrote the demo data (the database was empty). */
  public boolean seeded() {
    return seeded;
  }

  public Engine engine() {
    return engine;
  }

  @Override
  public void close() {
    server.stop();
    engine.close();
  }
}
