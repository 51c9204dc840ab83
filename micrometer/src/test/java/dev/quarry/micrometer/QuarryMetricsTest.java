package dev.quarry.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Connection;
import dev.quarry.engine.DatabaseException;
import dev.quarry.engine.Engine;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Sql;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QuarryMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  // --- statements --------------------------------------------------------------------------

  @AllDatabases({Kind.SQLITE, Kind.H2, Kind.POSTGRES})
  void statementsAreCountedByKindAndOutcome(TestDatabase db) {
    Engine engine = db.newEngine(QuarryMetrics.of(registry, "stmts", Tags.of("app", "test"))::instrument);
    Map<String, Long> before = statementCounts();
    try (Connection c = engine.connect()) {
      c.execute(Sql.text("CREATE TABLE metric_items (id INTEGER PRIMARY KEY, name VARCHAR(20))"));
      c.execute(Sql.text("INSERT INTO metric_items (id, name) VALUES (1, 'a')"));
      c.execute(Sql.text("/* fixture */ insert into metric_items (id, name) values (:id, :name)").bind("id", 2).bind("name", "b"));
      c.executeBatch(Sql.text("INSERT INTO metric_items (id, name) VALUES (:id, :name)").bind("id", 0).bind("name", ""),
          List.of(List.of(3, "c"), List.of(4, "d"), List.of(5, "e")));
      c.execute(Sql.text("UPDATE metric_items SET name = 'x' WHERE id = 1"));
      c.execute(Sql.text("SELECT COUNT(*) FROM metric_items"));
      c.execute(Sql.text("-- the one to keep\nWITH keep AS (SELECT id FROM metric_items WHERE id > 1) SELECT COUNT(*) FROM keep"));
      c.execute(Sql.text("DELETE FROM metric_items WHERE id = 5"));
      assertThrows(DatabaseException.class, () -> c.execute(Sql.text("INSERT INTO metric_items (id, name) VALUES (1, 'again')")));
    }
    Map<String, Long> counts = delta(before, statementCounts());
    assertEquals(Map.of("ddl/success", 1L, "insert/success", 3L, "update/success", 1L, "select/success", 2L,
        "delete/success", 1L, "insert/error", 1L), counts);

    Timer failed = registry.get(QuarryMetrics.STATEMENTS).tags("kind", "insert", "outcome", "error").timer();
    assertEquals(Tags.of("app", "test", "kind", "insert", "outcome", "error", "pool", "stmts"),
        Tags.of(failed.getId().getTags()));
    DistributionSummary batches = registry.get(QuarryMetrics.BATCH_SIZE).tags("kind", "insert").summary();
    assertEquals(1, batches.count());
    assertEquals(3.0, batches.totalAmount());
  }

  /** Counts of {@code quarry.statements} by kind and outcome. */
  private Map<String, Long> statementCounts() {
    Map<String, Long> counts = new TreeMap<>();
    for (Timer t : registry.find(QuarryMetrics.STATEMENTS).timers()) {
      counts.merge(t.getId().getTag("kind") + "/" + t.getId().getTag("outcome"), t.count(), Long::sum);
    }
    return counts;
  }

  private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> d = new TreeMap<>();
    after.forEach((k, v) -> {
      long n = v - before.getOrDefault(k, 0L);
      if (n != 0) {
        d.put(k, n);
      }
    });
    return d;
  }

  // --- sessions and flushes ----------------------------------------------------------------

  @AllDatabases({Kind.SQLITE, Kind.H2})
  void sessionsAndFlushesAreMeasured(TestDatabase db) {
    Item.register();
    db.execute(Metadata.of(List.of(Item.TABLE)).createStatements(db.vendor()).toArray(new String[0]));
    QuarryMetrics metrics = QuarryMetrics.of(registry, "orm");
    Engine engine = db.newEngine(metrics::instrument);
    SessionFactory factory = metrics.instrument(SessionFactory.builder(engine)).build();

    Session session = factory.openSession();
    assertEquals(1.0, gauge(QuarryMetrics.SESSIONS_ACTIVE));
    for (long id = 1; id <= 5; id++) {
      session.add(new Item(id, "item " + id));
    }
    session.flush();
    DistributionSummary size = registry.get(QuarryMetrics.FLUSH_SIZE).summary();
    assertEquals(1, size.count());
    assertEquals(5.0, size.totalAmount());
    session.commit(); // nothing left to write: not a measured flush
    assertEquals(1, size.count());

    // loaded first: a query's autoflush would otherwise write each change on its own
    Item one = session.get(Item.class, 1L);
    Item two = session.get(Item.class, 2L);
    Item three = session.get(Item.class, 3L);
    one.name = "renamed 1";
    two.name = "renamed 2";
    session.delete(three);
    session.commit();
    assertEquals(2, size.count());
    assertEquals(8.0, size.totalAmount());
    assertEquals(5.0, size.max());
    assertEquals(2, flushes("success").count());
    assertEquals(0, flushes("error").count());
    assertEquals(2.0, counter(QuarryMetrics.TRANSACTIONS, "commit"));

    Session second = factory.openSession();
    assertEquals(2.0, gauge(QuarryMetrics.SESSIONS_ACTIVE));
    second.add(new Item(1, "duplicate"));
    assertThrows(DatabaseException.class, second::flush);
    assertEquals(1, flushes("error").count());
    assertEquals(2, size.count()); // a failed flush wrote nothing
    second.rollback();
    assertEquals(1.0, counter(QuarryMetrics.TRANSACTIONS, "rollback"));

    session.close();
    second.close();
    second.close(); // a second close is not a second closed session
    assertEquals(0.0, gauge(QuarryMetrics.SESSIONS_ACTIVE));
    assertEquals(2.0, registry.get(QuarryMetrics.SESSIONS_OPENED).counter().count());
    assertEquals(2.0, registry.get(QuarryMetrics.SESSIONS_CLOSED).counter().count());

    factory.inTransaction(s -> s.get(Item.class, 4L));
    assertEquals(3.0, registry.get(QuarryMetrics.SESSIONS_OPENED).counter().count());
    assertEquals(0.0, gauge(QuarryMetrics.SESSIONS_ACTIVE));
    // the session's own statements went through the instrumented engine
    assertTrue(registry.get(QuarryMetrics.STATEMENTS).tags("kind", "insert", "outcome", "error").timer().count() >= 1);
  }

  private Timer flushes(String outcome) {
    return registry.get(QuarryMetrics.FLUSHES).tags("outcome", outcome).timer();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  private double counter(String name, String outcome) {
    return registry.get(name).tags("outcome", outcome).counter().count();
  }

  // --- pool --------------------------------------------------------------------------------

  @AllDatabases({Kind.SQLITE, Kind.H2})
  void hikariPoolMetersAreInstalled(TestDatabase db) {
    Engine engine = db.newEngine(QuarryMetrics.of(registry, "pooled")::instrument);
    engine.useConnection(c -> c.execute(Sql.text("SELECT 1")));
    Gauge total = registry.get("hikaricp.connections").tags("pool", "pooled").gauge();
    assertTrue(total.value() >= 1, "open connections: " + total.value());
    assertNotNull(registry.find("hikaricp.connections.active").tags("pool", "pooled").gauge());
    assertNotNull(registry.find("hikaricp.connections.pending").tags("pool", "pooled").gauge());
    assertTrue(registry.get("hikaricp.connections.usage").tags("pool", "pooled").timer().count() >= 1);
    assertNull(registry.find(QuarryMetrics.POOL + ".connections.total").meter(), "no duplicate of HikariCP's gauges");
  }

  @AllDatabases({Kind.H2})
  void aBuiltEngineIsBoundWithPoolStatusGauges(TestDatabase db) {
    Engine engine = db.engine();
    QuarryMetrics.of(registry, "late").binder(engine).bindTo(registry);
    try (Connection c = engine.connect()) {
      c.execute(Sql.text("SELECT 1"));
      assertEquals(1.0, registry.get(QuarryMetrics.POOL + ".connections.active").tags("pool", "late").gauge().value());
    }
    assertEquals(1, registry.get(QuarryMetrics.STATEMENTS).tags("kind", "select", "outcome", "success").timer().count());
    assertTrue(registry.get(QuarryMetrics.POOL + ".connections.total").gauge().value() >= 1);
    assertEquals(0.0, registry.get(QuarryMetrics.POOL + ".threads.waiting").gauge().value());
    assertTrue(registry.find("hikaricp.connections").meters().isEmpty());
  }

  @Test
  void listenersForBuildersTakeTheGivenTags() {
    QuarryMetrics.sessionListener(registry, Tags.of("pool", "given"));
    assertEquals(1, registry.find(QuarryMetrics.SESSIONS_OPENED).tags("pool", "given").meters().size());
  }

  // --- statement kinds ---------------------------------------------------------------------

  @Test
  void kindIsTheFirstKeywordAfterComments() {
    assertEquals(StatementKind.SELECT, StatementKind.of("  select 1"));
    assertEquals(StatementKind.SELECT, StatementKind.of("(SELECT a FROM t) UNION (SELECT b FROM u)"));
    assertEquals(StatementKind.SELECT, StatementKind.of("VALUES (1), (2)"));
    assertEquals(StatementKind.INSERT, StatementKind.of("-- note\n/* a\n b */ INSERT INTO t VALUES (1)"));
    assertEquals(StatementKind.INSERT, StatementKind.of("MERGE INTO t USING (VALUES (1)) s ON t.id = s.id"));
    assertEquals(StatementKind.UPDATE, StatementKind.of("Update t SET a = 1"));
    assertEquals(StatementKind.DELETE, StatementKind.of("DELETE FROM t"));
    assertEquals(StatementKind.DDL, StatementKind.of("CREATE INDEX i ON t (a)"));
    assertEquals(StatementKind.DDL, StatementKind.of("alter table t add column b int"));
    assertEquals(StatementKind.DDL, StatementKind.of("DROP TABLE t"));
    assertEquals(StatementKind.DDL, StatementKind.of("TRUNCATE t"));
    assertEquals(StatementKind.OTHER, StatementKind.of("PRAGMA foreign_keys = ON"));
    assertEquals(StatementKind.OTHER, StatementKind.of("SAVEPOINT s1"));
    assertEquals(StatementKind.OTHER, StatementKind.of("selected"));
    assertEquals(StatementKind.OTHER, StatementKind.of("   -- only a comment"));
    assertEquals(StatementKind.OTHER, StatementKind.of(""));
  }

  @Test
  void withTakesTheMainStatementsVerb() {
    assertEquals(StatementKind.SELECT, StatementKind.of("WITH x AS (SELECT 1) SELECT * FROM x"));
    assertEquals(StatementKind.DELETE,
        StatementKind.of("WITH RECURSIVE old (id) AS (SELECT id FROM t WHERE a = 'update (') DELETE FROM t"));
    assertEquals(StatementKind.INSERT,
        StatementKind.of("with a as (delete from t returning *), \"b\" as materialized (select 1) insert into u select * from a"));
    assertEquals(StatementKind.UPDATE, StatementKind.of("WITH x AS (SELECT 1 /* ) delete */) UPDATE t SET a = 1"));
    assertEquals(StatementKind.SELECT, StatementKind.of("WITH x AS (SELECT 1"));
  }
}
