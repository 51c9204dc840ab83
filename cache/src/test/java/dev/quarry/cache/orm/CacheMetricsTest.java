package dev.quarry.cache.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.micrometer.QuarryMetrics;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The factory's region counters, read directly and as Micrometer meters. */
class CacheMetricsTest {

  @AllDatabases({Kind.H2})
  void regionCountersArePublishedPerRegion(TestDatabase db) {
    Metadata.of(QAuthor.author, QBook.book, QTag.tag, QBook.TAGS_TABLE, QNote.note).createAll(db.engine());
    SessionFactory sessions = SessionFactory.builder(db.engine()).cache(SecondLevelCacheTest.regions()).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    QuarryMetrics.of(registry, "main").cacheBinder(sessions).bindTo(registry);
    long id = sessions.inTransaction(s -> {
      Author a = new Author("ann");
      s.add(a);
      s.flush();
      return a.getId();
    });
    for (int i = 0; i < 3; i++) {
      try (Session s = sessions.openSession()) {
        s.get(Author.class, id); // a miss (then a put), then two hits
      }
    }
    assertEquals(2.0, registry.get("quarry.cache.hits").tag("region", "rows").functionCounter().count());
    assertEquals(1.0, registry.get("quarry.cache.misses").tag("region", "rows").functionCounter().count());
    assertEquals(1.0, registry.get("quarry.cache.puts").tag("region", "rows").functionCounter().count());
    assertEquals(1.0, registry.get("quarry.cache.size").tag("region", "rows").gauge().value());
    assertEquals(0.0, registry.get("quarry.cache.hits").tag("region", "queries").functionCounter().count());

    SimpleMeterRegistry none = new SimpleMeterRegistry();
    QuarryMetrics.of(none, "plain").cacheBinder(SessionFactory.of(db.engine())).bindTo(none);
    assertNull(none.find("quarry.cache.hits").functionCounter(), "a factory without caches binds nothing");
  }
}
