package dev.quarry.cache.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.cache.CacheRegions;
import dev.quarry.cache.JCacheRegions;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;

/**
 * The ORM's caches over a JCache provider storing by value (serialized copies, as a distributed
 * cache would): keys and cached rows, collections and query results survive the copy.
 */
class JCacheStoresTest {

  @AllDatabases({Kind.H2, Kind.POSTGRES})
  void entitiesCollectionsAndQueriesAreServedFromAStoreByValueProvider(TestDatabase db) {
    Metadata.of(QAuthor.author, QBook.book, QTag.tag, QBook.TAGS_TABLE, QNote.note).createAll(db.engine());
    CacheManager manager = Caching.getCachingProvider("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider")
        .getCacheManager(URI.create("quarry-orm-" + UUID.randomUUID()), getClass().getClassLoader());
    try {
      for (String name : List.of("rows", "collections", "queries")) {
        manager.createCache(name, new MutableConfiguration<Object, Object>().setStoreByValue(true));
      }
      CacheRegions regions = JCacheRegions.of(manager)
          .region("rows", Duration.ofMinutes(5), 1_000)
          .region("collections", Duration.ofMinutes(5), 1_000)
          .region("queries", Duration.ofMinutes(5), 1_000);
      List<String> statements = new ArrayList<>();
      SessionFactory sessions = SessionFactory.builder(db.engine()).cache(regions)
          .statementListener((sql, n) -> statements.add(sql)).build();
      long id = sessions.inTransaction(s -> {
        Author ann = new Author("ann");
        s.add(ann);
        s.add(new Book("b1", ann));
        s.flush();
        return ann.getId();
      });
      for (int round = 0; round < 2; round++) {
        statements.clear();
        try (Session s = sessions.openSession()) {
          Author a = s.get(Author.class, id);
          assertEquals(List.of("b1"), a.getBooks().stream().map(Book::getTitle).toList());
          assertEquals(1, s.select(Author.class).cached("queries").list().size());
        }
        if (round == 1) {
          assertEquals(List.of(), statements, "all three from the provider's serialized copies");
        }
      }
      assertTrue(sessions.cache().orElseThrow().contains(Author.class, id));
      sessions.runInTransaction(s -> s.get(Author.class, id).setName("bea"));
      assertFalse(sessions.cache().orElseThrow().contains(Author.class, id));
      try (Session s = sessions.openSession()) {
        assertEquals("bea", s.get(Author.class, id).getName());
      }
    } finally {
      manager.close();
    }
  }
}
