package dev.quarry.it.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Column;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @MappedSuperclass} mixins: their columns are on each entity's table, Q-class and mapping. */
class MixinTest {
  private static Engine create(TestDatabase db) {
    Metadata.of(QAuthor.author, QArticle.article).createAll(db.engine());
    return db.engine();
  }

  @Test
  void mixinColumnsComeFirstOnEachTable() {
    assertEquals(List.of("created_at", "updated_at", "id", "name"),
        QAuthor.author.columns().stream().map(Column::name).toList());
    assertEquals(List.of("created_at", "updated_at", "note", "id", "title"),
        QArticle.article.columns().stream().map(Column::name).toList());
  }

  @AllDatabases
  void insertSetsBothTimestampsAndUpdateMovesOnlyTheUpdatedOne(TestDatabase db) throws InterruptedException {
    Engine engine = create(db);
    AuthorDao dao = new AuthorDao(engine);
    Instant before = Instant.now().minusSeconds(1);
    Author a = new Author();
    a.name = "Ada";
    dao.insert(a);
    assertNotNull(a.id);
    assertNotNull(a.createdAt);
    assertNotNull(a.updatedAt);
    assertTrue(a.createdAt.isAfter(before));
    Author stored = dao.findById(a.id).orElseThrow();
    assertEquals("Ada", stored.name);
    assertEquals(a.createdAt, stored.createdAt);
    assertEquals(a.updatedAt, stored.updatedAt);

    Instant created = a.createdAt;
    Instant firstUpdate = a.updatedAt;
    Thread.sleep(5);
    a.name = "Ada L.";
    dao.update(a);
    assertTrue(a.updatedAt.isAfter(firstUpdate), "updated timestamp moves on update");
    assertEquals(created, a.createdAt);
    Author reloaded = dao.findById(a.id).orElseThrow();
    assertEquals("Ada L.", reloaded.name);
    assertEquals(created, reloaded.createdAt, "created timestamp is not touched by updates");
    assertEquals(a.updatedAt, reloaded.updatedAt);
  }

  @AllDatabases
  void explicitCreatedAtIsKeptAndMixinColumnsWorkInPredicates(TestDatabase db) {
    Engine engine = create(db);
    AuthorDao dao = new AuthorDao(engine);
    Author old = new Author();
    old.name = "Old";
    old.createdAt = Instant.parse("2001-02-03T04:05:06Z");
    dao.insert(old);
    Author fresh = new Author();
    fresh.name = "Fresh";
    dao.insert(fresh);
    assertEquals(Instant.parse("2001-02-03T04:05:06Z"), dao.findById(old.id).orElseThrow().createdAt);
    List<Author> early = dao.findBy(QAuthor.author.createdAt.lt(Instant.parse("2010-01-01T00:00:00Z")));
    assertEquals(List.of("Old"), early.stream().map(x -> x.name).toList());
    assertEquals(2, dao.count(QAuthor.author.updatedAt.isNotNull()));
  }

  @AllDatabases
  void twoMixinLevelsRoundTripIncludingPrivateStateBehindAccessors(TestDatabase db) {
    Engine engine = create(db);
    ArticleDao dao = new ArticleDao(engine);
    Article a = new Article();
    a.title = "Mixins";
    a.setRevisionNote("first draft");
    dao.insert(a);
    assertNotNull(a.createdAt);
    Article stored = dao.findById(a.id).orElseThrow();
    assertEquals("Mixins", stored.title);
    assertEquals("first draft", stored.getRevisionNote());
    assertEquals(a.createdAt, stored.createdAt);

    stored.setRevisionNote("second draft");
    dao.update(stored);
    assertEquals("second draft", dao.findById(a.id).orElseThrow().getRevisionNote());
    assertEquals(1, dao.count(QArticle.article.revisionNote.eq("second draft")));
  }
}
