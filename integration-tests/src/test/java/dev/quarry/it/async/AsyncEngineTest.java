package dev.quarry.it.async;

import static dev.quarry.it.async.AsyncSessionTest.await;
import static dev.quarry.it.async.AsyncSessionTest.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.engine.ExecutionOptions;
import dev.quarry.engine.QueryTimeoutException;
import dev.quarry.engine.UniqueViolationException;
import dev.quarry.orm.async.AsyncEngine;
import dev.quarry.orm.async.OperationTimeoutException;
import dev.quarry.orm.async.Rows;
import dev.quarry.testing.AllDatabases;
import dev.quarry.testing.RawSql;
import dev.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** AsyncEngine on every database: statements, transactions, failures and timeouts as stages. */
class AsyncEngineTest {

  @AllDatabases
  void statementsAndTransactionsAsStages(TestDatabase db) throws InterruptedException {
    db.execute("CREATE TABLE async_core (id INTEGER PRIMARY KEY, name VARCHAR(50) UNIQUE)");
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try (AsyncEngine engine = AsyncEngine.of(db.engine(), executor)) {
      RawSql insert = RawSql.of("INSERT INTO async_core (id, name) VALUES (?, ?)", 1, "zed");
      assertEquals(1L, (long) await(engine.inTransaction(c -> c.executeUpdate(insert))));
      Rows rows = await(engine.execute(RawSql.of("SELECT id, name FROM async_core")));
      assertEquals("zed", rows.one().getString(1));
      assertEquals(-1L, rows.rowCount());

      assertInstanceOf(UniqueViolationException.class,
          failure(engine.execute(RawSql.of("INSERT INTO async_core (id, name) VALUES (?, ?)", 2, "zed"))));
      IllegalStateException boom = new IllegalStateException("boom");
      assertEquals(boom, failure(engine.inTransaction(c -> {
        c.executeUpdate(RawSql.of("INSERT INTO async_core (id, name) VALUES (?, ?)", 3, "yan"));
        throw boom;
      })));
      assertEquals(1L, ((Number) await(engine.execute(RawSql.of("SELECT COUNT(*) FROM async_core"))).scalar()).longValue(),
          "the failed transaction rolled back");
      Throwable lazy = failure(engine.withConnection(c -> c.execute(RawSql.of("SELECT id FROM async_core"))));
      assertInstanceOf(IllegalArgumentException.class, lazy);
      assertTrue(lazy.getMessage().contains("open Result"), lazy.getMessage());
    } finally {
      executor.shutdown();
      assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @AllDatabases
  void aStatementTimeoutFailsTheStageAndTheEngineStaysUsable(TestDatabase db) {
    try (AsyncEngine engine = AsyncEngine.of(db.engine())) {
      long start = System.nanoTime();
      Throwable timedOut = failure(engine.execute(AsyncSessionTest.slowStatement(db),
          ExecutionOptions.timeout(Duration.ofSeconds(1))));
      assertTrue(timedOut instanceof QueryTimeoutException || timedOut instanceof OperationTimeoutException, timedOut.toString());
      long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(elapsed < 10_000, "failed after " + elapsed + " ms");
      assertEquals(1, ((Number) await(engine.execute(RawSql.of("SELECT 1"))).scalar()).intValue());
    }
  }
}
