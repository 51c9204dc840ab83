package dev.quarry.it.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.quarry.engine.QueryTimeoutException;
import dev.quarry.engine.UniqueViolationException;
import dev.quarry.orm.Load;
import dev.quarry.orm.OrmException;
import dev.quarry.orm.PendingRollbackException;
import dev.quarry.orm.RaiseLoadException;
import dev.quarry.orm.async.AsyncSession;
import dev.quarry.orm.async.AsyncSessionFactory;
import dev.quarry.orm.async.ConcurrentOperationException;
import dev.quarry.orm.async.OperationRejectedException;
import dev.quarry.orm.async.OperationTimeoutException;
import dev.quarry.orm.async.Rows;
import dev.quarry.schema.Metadata;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** AsyncSession on every database: round trip, explicit loads, one operation at a time, timeouts, saturation, failures. */
class AsyncSessionTest {
  /** Every wait on a stage is bounded by this; liveness assertions use tighter bounds with slack. */
  static final long WAIT_SECONDS = 30;

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("stage did not complete within " + WAIT_SECONDS + " s", e);
    }
  }

  /** The exception the stage failed with, exactly as it completed (not wrapped). */
  static Throwable failure(CompletionStage<?> stage) {
    try {
      Object value = await(stage);
      return fail("expected the stage to fail, it completed with " + value);
    } catch (RuntimeException e) {
      return e;
    }
  }

  static void block(CountDownLatch latch) {
    try {
      if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released");
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static void createTables(TestDatabase db) {
    Metadata.of(QWriter.writer, QBook.book).createAll(db.engine());
  }

  /** Ann with books "b" and "a", committed; returns her id. */
  static long seed(AsyncSessionFactory sessions) {
    return await(sessions.inTransaction(s -> {
      Writer ann = new Writer("ann").withBook("b").withBook("a");
      s.add(ann);
      return s.flush().thenApply(v -> ann.getId());
    }));
  }

  static List<String> titles(Writer w) {
    return w.getBooks().stream().map(Book::getTitle).toList();
  }

  @AllDatabases
  void getQueryFlushCommitRollbackRoundTrip(TestDatabase db) {
    createTables(db);
    try (AsyncSessionFactory sessions = AsyncSessionFactory.builder(db.engine())
        .operationTimeout(Duration.ofSeconds(20)).build()) {
      AsyncSession s = sessions.openSession();
      Writer ann = new Writer("ann").withBook("x");
      s.add(ann);
      await(s.flush());
      assertNotNull(ann.getId());
      await(s.commit());
      assertEquals("ann", ann.getName(), "no expiry on commit: readable without I/O");
      assertSame(ann, await(s.get(Writer.class, ann.getId())), "identity map");
      assertEquals(List.of("x"), titles(ann), "the collection it was built with is loaded");

      ann.setName("anna");
      await(s.rollback());
      assertEquals("ann", ann.getName(), "rollback restores the database values");

      assertEquals(1L, await(s.select(Writer.class).where(QWriter.writer.name.eq("ann")).count()));
      assertEquals(List.of(ann), await(s.select(QWriter.writer).with(q -> q.orderBy(QWriter.writer.name.asc())).list()));
      Rows rows = await(s.execute(RawSql.of(db.quoted("SELECT \"name\" FROM \"async_writers\""))));
      assertEquals("ann", rows.one().getString(0));
      int books = await(s.run(x -> x.select(Book.class).list().size()));
      assertEquals(1, books);

      await(s.delete(ann));
      await(s.commit());
      await(s.close());
      assertInstanceOf(OrmException.class, failure(s.get(Writer.class, 1L)), "a closed session refuses work");
      await(s.close()); // closing again is a no-op

      AsyncSession other = sessions.openSession();
      assertEquals(0L, await(other.select(Writer.class).count()));
      assertEquals(0L, await(other.select(Book.class).count()), "cascade delete");
      assertNull(await(other.select(Writer.class).first()));
      await(other.close());
    }
  }

  @AllDatabases
  void touchingAnUnloadedRelationshipFailsNamingTheExplicitLoad(TestDatabase db) {
    createTables(db);
    try (AsyncSessionFactory sessions = AsyncSessionFactory.of(db.engine())) {
      long id = seed(sessions);
      AsyncSession s = sessions.openSession();
      Writer ann = await(s.get(Writer.class, id));
      RaiseLoadException lazy = assertThrows(RaiseLoadException.class, () -> ann.getBooks().size());
      assertTrue(lazy.getMessage().contains("session.load(object, QWriter.writer.books)"), lazy.getMessage());
      assertSame(ann, await(s.load(ann, QWriter.writer.books)));
      assertEquals(List.of("a", "b"), titles(ann));
      await(s.close());

      // The eager alternative, and chaining on the worker: thenCompose starts the next operation.
      AsyncSession t = sessions.openSession();
      List<Writer> eager = await(t.select(Writer.class).options(Load.selectIn(QWriter.writer.books)).list());
      assertEquals(List.of("a", "b"), titles(eager.get(0)));
      Writer chained = await(t.get(Writer.class, id).thenCompose(w -> t.refresh(w)));
      assertSame(eager.get(0), chained);
      await(t.close());
    }
  }

  @AllDatabases
  void aSecondConcurrentCallIsRefusedNotQueued(TestDatabase db) {
    createTables(db);
    try (AsyncSessionFactory sessions = AsyncSessionFactory.of(db.engine())) {
      long id = seed(sessions);
      AsyncSession s = sessions.openSession();
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletionStage<Integer> first = s.run(x -> {
        started.countDown();
        block(release);
        return 1;
      });
      block(started);
      assertTrue(s.isBusy());
      CompletableFuture<Writer> second = s.get(Writer.class, id).toCompletableFuture();
      assertTrue(second.isCompletedExceptionally(), "refused at once, while the first operation runs");
      Throwable refused = failure(second);
      assertInstanceOf(ConcurrentOperationException.class, refused);
      assertTrue(refused.getMessage().contains("run is still in progress"), refused.getMessage());
      assertThrows(ConcurrentOperationException.class, () -> s.add(new Writer("bob")));
      release.countDown();
      assertEquals(1, await(first));
      assertEquals("ann", await(s.get(Writer.class, id)).getName(), "free again once the first stage completed");
      await(s.close());
    }
  }

  @AllDatabases
  void aFullExecutorRejectsAndACancelledQueuedOperationNeverRuns(TestDatabase db) {
    createTables(db);
    try (AsyncSessionFactory sessions = AsyncSessionFactory.builder(db.engine()).workers(1, 1).build()) {
      long id = seed(sessions);
      AsyncSession a = sessions.openSession();
      AsyncSession b = sessions.openSession();
      AsyncSession c = sessions.openSession();
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletionStage<Integer> busy = a.run(x -> {
        started.countDown();
        block(release);
        return 1;
      });
      block(started); // the only worker is busy
      AtomicBoolean ran = new AtomicBoolean();
      CompletableFuture<Boolean> queued = b.run(x -> ran.getAndSet(true)).toCompletableFuture(); // fills the queue
      CompletableFuture<Writer> overflow = c.get(Writer.class, id).toCompletableFuture();
      assertTrue(overflow.isCompletedExceptionally(), "rejected at once, not waiting for room");
      assertInstanceOf(OperationRejectedException.class, failure(overflow));

      assertTrue(queued.cancel(false));
      release.countDown();
      assertEquals(1, await(busy));
      assertEquals(1L, await(b.select(Writer.class).count()), "b is usable after its cancelled operation");
      assertFalse(ran.get(), "the cancelled operation was removed before it ran");
      assertEquals("ann", await(c.get(Writer.class, id)).getName(), "c is usable once there is room");
      await(a.close());
      await(b.close());
      await(c.close());
    }
  }

  @AllDatabases
  void aFailedFlushFailsWithTheEngineExceptionThenPendingRollbackUntilRollback(TestDatabase db) {
    createTables(db);
    try (AsyncSessionFactory sessions = AsyncSessionFactory.of(db.engine())) {
      long id = seed(sessions);
      AsyncSession s = sessions.openSession();
      s.add(new Writer("ann"));
      assertInstanceOf(UniqueViolationException.class, failure(s.commit()), "the engine's typed exception, not wrapped");
      Throwable pending = failure(s.get(Writer.class, id));
      assertInstanceOf(PendingRollbackException.class, pending);
      assertInstanceOf(UniqueViolationException.class, pending.getCause());
      assertInstanceOf(PendingRollbackException.class, failure(s.select(Writer.class).count()));
      await(s.rollback());
      assertEquals(1L, await(s.select(Writer.class).count()));
      await(s.close());

      IllegalStateException boom = new IllegalStateException("boom");
      Throwable failed = failure(sessions.inTransaction(t -> {
        t.add(new Writer("bob"));
        return t.flush().thenCompose(v -> CompletableFuture.<Void>failedFuture(boom));
      }));
      assertSame(boom, failed, "inTransaction fails with the work's own exception");
      AsyncSession check = sessions.openSession();
      assertEquals(0L, await(check.select(Writer.class).where(QWriter.writer.name.eq("bob")).count()), "rolled back");
      await(check.close());
    }
  }

  /** A statement that runs for seconds on each database (and is cancellable by a statement timeout). */
  static RawSql slowStatement(TestDatabase db) {
    switch (db.kind()) {
      case POSTGRES:
        return RawSql.of("SELECT pg_sleep(5)");
      case MARIADB:
        // Not SLEEP or BENCHMARK: interrupted by max_statement_time they return early without an error.
        return RawSql.of("SELECT SUM(a.ID + b.ID + c.ID + d.ID) FROM information_schema.COLLATIONS a, "
            + "information_schema.COLLATIONS b, information_schema.COLLATIONS c, information_schema.COLLATIONS d");
      case H2:
        return RawSql.of("SELECT MAX(A.X + B.X) FROM SYSTEM_RANGE(1, 1000000) A, SYSTEM_RANGE(1, 1000000) B");
      case SQLITE:
        return RawSql.of("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) "
            + "SELECT MAX(x) FROM c");
      default:
        throw new AssertionError(db.kind());
    }
  }

  @AllDatabases
  void aTimedOutSlowStatementLeavesTheSessionUsableAfterRollback(TestDatabase db) {
    createTables(db);
    // The stage's deadline (500 ms) passes before the database's statement timeout (2 s) cancels the
    // statement: the stage fails at once, the worker stays on the session until the database gives up.
    try (AsyncSessionFactory sessions = AsyncSessionFactory.builder(db.engine())
        .sessions(b -> b.statementTimeout(Duration.ofSeconds(2))).build()) {
      long id = seed(sessions);
      AsyncSession s = sessions.openSession();
      Writer ann = await(s.get(Writer.class, id)); // a transaction is open
      long start = System.nanoTime();
      Throwable timedOut = failure(s.withTimeout(Duration.ofMillis(500)).execute(slowStatement(db)));
      long failedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertInstanceOf(OperationTimeoutException.class, timedOut);
      assertTrue(((OperationTimeoutException) timedOut).started());
      assertTrue(failedAfter < 1_900, "the stage failed at its deadline, after " + failedAfter + " ms");
      assertTrue(s.isBusy(), "the worker is still on the statement");
      // The abandoned statement's outcome is unknown: the session needs rollback, as after a failed flush.
      Throwable pending = failure(s.get(Writer.class, id));
      assertInstanceOf(PendingRollbackException.class, pending);
      assertSame(timedOut, pending.getCause());
      await(s.rollback()); // runs once the database has cancelled the statement
      long usableAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(usableAfter < 15_000, "rolled back after " + usableAfter + " ms");
      assertFalse(s.isBusy());
      assertEquals("ann", await(s.refresh(ann)).getName());
      assertEquals(1L, await(s.select(Writer.class).count()));
      await(s.close());
      AsyncSession again = sessions.openSession();
      assertEquals(2L, await(again.select(Book.class).count()), "the pool's connections are usable");
      await(again.close());
    }
  }

  @AllDatabases
  void theDatabaseStatementTimeoutFailsTheStageWithQueryTimeoutException(TestDatabase db) {
    createTables(db);
    // The operation timeout (8 s) is far off: the database's statement timeout (1 s) ends the statement first.
    try (AsyncSessionFactory sessions = AsyncSessionFactory.builder(db.engine())
        .operationTimeout(Duration.ofSeconds(8))
        .sessions(b -> b.statementTimeout(Duration.ofSeconds(1))).build()) {
      long id = seed(sessions);
      AsyncSession s = sessions.openSession();
      long start = System.nanoTime();
      assertInstanceOf(QueryTimeoutException.class, failure(s.execute(slowStatement(db))), "the engine's exception, unwrapped");
      long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(elapsed < 6_000, "cancelled after " + elapsed + " ms");
      assertFalse(s.isBusy());
      await(s.rollback());
      assertEquals("ann", await(s.get(Writer.class, id)).getName());
      await(s.close());
    }
  }

  @AllDatabases
  void cancellingARunningOperationLeavesTheSessionNeedingRollback(TestDatabase db) {
    createTables(db);
    try (AsyncSessionFactory sessions = AsyncSessionFactory.of(db.engine())) {
      long id = seed(sessions);
      AsyncSession s = sessions.openSession();
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Writer> running = s.run(x -> {
        Writer w = x.get(Writer.class, id);
        started.countDown();
        block(release);
        return w;
      }).toCompletableFuture();
      block(started);
      assertTrue(running.cancel(false));
      assertTrue(s.isBusy());
      CompletableFuture<Writer> next = s.get(Writer.class, id).toCompletableFuture();
      assertFalse(next.isDone(), "accepted (the cancelled stage is complete) and queued behind the running work");
      release.countDown();
      Throwable pending = failure(next);
      assertInstanceOf(PendingRollbackException.class, pending);
      assertTrue(pending.getCause().getMessage().contains("cancelled while it ran"), pending.getCause().getMessage());
      await(s.rollback());
      assertEquals("ann", await(s.get(Writer.class, id)).getName());
      await(s.close());
    }
  }

  @AllDatabases
  void anOperationTimeoutWhileQueuedRemovesTheOperation(TestDatabase db) {
    createTables(db);
    try (AsyncSessionFactory sessions = AsyncSessionFactory.builder(db.engine()).workers(1, 4).build()) {
      seed(sessions);
      AsyncSession a = sessions.openSession();
      AsyncSession b = sessions.openSession();
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletionStage<Integer> busy = a.run(x -> {
        started.countDown();
        block(release);
        return 1;
      });
      block(started);
      AtomicBoolean ran = new AtomicBoolean();
      Throwable timedOut = failure(b.withTimeout(Duration.ofMillis(200)).run(x -> ran.getAndSet(true)));
      assertInstanceOf(OperationTimeoutException.class, timedOut);
      assertFalse(((OperationTimeoutException) timedOut).started());
      release.countDown();
      await(busy);
      assertEquals(1L, await(b.select(Writer.class).count()), "no rollback needed: it never ran");
      assertFalse(ran.get());
      await(a.close());
      await(b.close());
    }
  }
}
