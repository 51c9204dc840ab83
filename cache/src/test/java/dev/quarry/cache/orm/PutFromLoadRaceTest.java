package dev.quarry.cache.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.EngineListener;
import dev.quarry.engine.ExecutionEvent;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.TestDatabase;
import dev.quarry.testing.TestDatabase.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hibernate's {@code putFromLoad} race, forced with latches: a load reads a row, another transaction
 * changes it and commits (invalidating the key), then the load tries to cache what it read. It must
 * not: its transaction began before that commit's invalidation. And a concurrent mix of writers and
 * readers leaves the cache agreeing with the database.
 *
 * <p>Not on SQLite: one writer at a time on a file, and a reader paused inside its statement holds
 * the lock the writer's commit needs.
 */
class PutFromLoadRaceTest {

  @AllDatabases({Kind.H2, Kind.POSTGRES, Kind.MARIADB})
  void aLoadThatReadBeforeACommitDoesNotCacheItsValueAfterTheCommitsInvalidation(TestDatabase db) throws Exception {
    Metadata.of(QAuthor.author, QBook.book, QTag.tag, QBook.TAGS_TABLE, QNote.note).createAll(db.engine());
    List<String> statements = new ArrayList<>();
    SessionFactory sessions = SessionFactory.builder(db.engine()).cache(SecondLevelCacheTest.regions())
        .statementListener((sql, n) -> {
          synchronized (statements) {
            statements.add(sql);
          }
        }).build();
    long id = sessions.inTransaction(s -> {
      Author a = new Author("old");
      s.add(a);
      s.flush();
      return a.getId();
    });
    CountDownLatch loaderRead = new CountDownLatch(1);
    CountDownLatch writerCommitted = new CountDownLatch(1);
    AtomicBoolean pauseLoader = new AtomicBoolean(true);
    Thread[] loaderThread = new Thread[1];
    db.engine().addListener(new EngineListener() {
      @Override
      public void afterExecute(ExecutionEvent event) {
        // the loader's SELECT has run (and read "old"); hold it before its rows become an object and a put
        if (Thread.currentThread() == loaderThread[0] && event.sql().startsWith("SELECT")
            && pauseLoader.compareAndSet(true, false)) {
          loaderRead.countDown();
          try {
            assertTrue(writerCommitted.await(30, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    });
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> loaded = pool.submit(() -> {
        loaderThread[0] = Thread.currentThread();
        try (Session s = sessions.openSession()) {
          return s.get(Author.class, id).getName();
        }
      });
      assertTrue(loaderRead.await(30, TimeUnit.SECONDS));
      sessions.runInTransaction(s -> s.get(Author.class, id).setName("new"));
      writerCommitted.countDown();
      assertEquals("old", loaded.get(30, TimeUnit.SECONDS), "the loader read before the commit");
    } finally {
      pool.shutdownNow();
    }
    assertFalse(sessions.cache().orElseThrow().contains(Author.class, id), "the stale read was not cached");
    synchronized (statements) {
      statements.clear();
    }
    try (Session s = sessions.openSession()) {
      assertEquals("new", s.get(Author.class, id).getName());
    }
    assertEquals(1, statements.size(), "read from the database, then cached");
  }

  @AllDatabases({Kind.H2, Kind.POSTGRES, Kind.MARIADB})
  void concurrentWritersAndReadersLeaveTheCacheAgreeingWithTheDatabase(TestDatabase db) throws Exception {
    Metadata.of(QAuthor.author, QBook.book, QTag.tag, QBook.TAGS_TABLE, QNote.note).createAll(db.engine());
    SessionFactory sessions = SessionFactory.builder(db.engine()).cache(SecondLevelCacheTest.regions()).build();
    long id = sessions.inTransaction(s -> {
      Author a = new Author("0");
      s.add(a);
      s.flush();
      return a.getId();
    });
    int writes = 40;
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      work.add(pool.submit(() -> {
        for (int i = 0; i < writes; i++) {
          int value = next.incrementAndGet();
          sessions.runInTransaction(s -> s.get(Author.class, id).setName(Integer.toString(value)));
        }
      }));
      for (int r = 0; r < 3; r++) {
        work.add(pool.submit(() -> {
          for (int i = 0; i < 150; i++) {
            try (Session s = sessions.openSession()) {
              s.get(Author.class, id).getName();
            }
          }
        }));
      }
      for (Future<?> f : work) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Session s = sessions.openSession()) {
      assertEquals(Integer.toString(writes), s.get(Author.class, id).getName(), "no stale value survived");
    }
  }
}
