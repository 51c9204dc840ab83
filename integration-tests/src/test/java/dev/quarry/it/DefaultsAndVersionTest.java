package dev.quarry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.Engine;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.orm.EntityNotFoundException;
import dev.quarry.orm.StaleDataException;
import dev.quarry.types.Vendor;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** Server defaults, client defaults, on-update values, timestamps and the optimistic version check. */
class DefaultsAndVersionTest {
  @AllDatabases
  void insertAppliesClientDefaultsAndReadsServerDefaultsBack(TestDatabase db) {
    Engine engine = Databases.create(db, QDocument.document);
    Vendor vendor = db.vendor();
    DocumentDao dao = new DocumentDao(engine);
    Instant before = Instant.now().minusSeconds(1);
    Document d = dao.insert(new Document());
    assertEquals("untitled", d.title, "client default");
    assertEquals("draft", d.status, "server default read back");
    assertEquals(7, d.priority, "server default read back");
    assertEquals(1, d.version, "a new row starts at the initial version");
    assertNotNull(d.createdAt);
    assertTrue(d.createdAt.isAfter(before));
    assertNotNull(d.updatedAt);
    Document stored = dao.findById(d.id).orElseThrow();
    assertEquals("draft", stored.status);
    assertEquals(d.createdAt, stored.createdAt);
    assertEquals(d.updatedAt, stored.updatedAt);

    Document explicit = new Document();
    explicit.title = "Plan";
    explicit.status = "final";
    explicit.priority = 1;
    dao.insert(explicit);
    Document reloaded = dao.findById(explicit.id).orElseThrow();
    assertEquals("Plan", reloaded.title);
    assertEquals("final", reloaded.status, "a set value wins over the server default");
    assertEquals(1, reloaded.priority);
  }

  @AllDatabases
  void updateWritesOnUpdateValuesAndIncrementsTheVersion(TestDatabase db) throws InterruptedException {
    Engine engine = Databases.create(db, QDocument.document);
    Vendor vendor = db.vendor();
    DocumentDao dao = new DocumentDao(engine);
    Document d = dao.insert(new Document());
    LocalDateTime firstUpdate = d.updatedAt;
    Thread.sleep(2);
    Document.Editor.current = "alice";
    d.title = "Renamed";
    dao.update(d);
    assertEquals(2, d.version);
    assertEquals("alice", d.editedBy);
    assertTrue(d.updatedAt.isAfter(firstUpdate));
    Document stored = dao.findById(d.id).orElseThrow();
    assertEquals("Renamed", stored.title);
    assertEquals("alice", stored.editedBy);
    assertEquals(2, stored.version);
    assertEquals(d.createdAt, stored.createdAt, "created timestamp is not touched by updates");
  }

  @AllDatabases
  void staleVersionsAreRejectedOnUpdateAndDelete(TestDatabase db) {
    Engine engine = Databases.create(db, QDocument.document);
    Vendor vendor = db.vendor();
    DocumentDao dao = new DocumentDao(engine);
    Document d = dao.insert(new Document());
    Document mine = dao.findById(d.id).orElseThrow();
    Document theirs = dao.findById(d.id).orElseThrow();
    theirs.title = "theirs";
    dao.update(theirs);
    mine.title = "mine";
    StaleDataException e = assertThrows(StaleDataException.class, () -> dao.update(mine));
    assertEquals(d.id, e.id());
    assertEquals(1, e.expectedVersion(), "the version both read: a new row starts at 1");
    assertTrue(e.getMessage().contains("Document with id " + d.id), e.getMessage());
    assertEquals("document", e.table());
    assertEquals("theirs", dao.findById(d.id).orElseThrow().title, "the stale update changed nothing");
    assertThrows(StaleDataException.class, () -> dao.delete(mine));
    assertTrue(dao.delete(theirs));
    assertFalse(dao.existsById(d.id));
  }

  @AllDatabases
  void updatingARowThatDoesNotExistFails(TestDatabase db) {
    Engine engine = Databases.create(db, QTag.tag);
    Vendor vendor = db.vendor();
    Tag ghost = new Tag();
    ghost.setId(UUID.randomUUID());
    ghost.setLabel("ghost");
    assertThrows(EntityNotFoundException.class, () -> new TagDao(engine).update(ghost));
  }
}
