package dev.quarry.orm.async;

import dev.quarry.engine.ConnectionCallback;
import dev.quarry.engine.Engine;
import dev.quarry.engine.Executable;
import dev.quarry.engine.ExecutionOptions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Quarry Core with stages (SQLAlchemy's {@code AsyncEngine}): runs statements on an {@link Engine}'s
 * connections on worker threads of an executor and completes a {@link CompletionStage} with the
 * result read to the end ({@link Rows}). This is blocking JDBC on worker threads, not a non-blocking
 * driver: each running operation holds a worker thread and a pooled connection. Thread-safe.
 *
 * <p>Stages complete exceptionally with the same exceptions the engine throws ({@code
 * UniqueViolationException}, {@code QueryTimeoutException}, ...), not wrapped; stages derived from
 * them see those wrapped in {@link java.util.concurrent.CompletionException}, as with any
 * {@code CompletableFuture}. A full executor queue fails the stage with {@link OperationRejectedException}.
 */
public interface AsyncEngine extends AutoCloseable {
  /**
   * An async engine over {@code engine} with a bounded executor of its own (15 workers, the engine's
   * default pool, and a queue of 256 operations), shut down by {@link #close()}.
   */
  static AsyncEngine of(Engine engine) {
    return new DefaultAsyncEngine(engine, null, Workers.DEFAULT_THREADS, Workers.DEFAULT_QUEUE);
  }

  /**
   * An async engine running its operations on {@code executor}, which the caller owns (e.g.
   * {@code Executors.newVirtualThreadPerTaskExecutor()} on JDK 21+). Size it to the engine's pool:
   * more workers than connections only wait for the pool.
   */
  static AsyncEngine of(Engine engine, Executor executor) {
    return new DefaultAsyncEngine(engine, Objects.requireNonNull(executor, "executor"), 0, 0);
  }

  /** Executes {@code statement} on a borrowed connection in autocommit and reads its result. */
  CompletionStage<Rows> execute(Executable statement);

  /**
   * {@link #execute(Executable)} with options; a timeout both cancels the statement on the database
   * ({@code QueryTimeoutException}) and bounds the stage ({@link OperationTimeoutException} when the
   * stage is still incomplete then; the worker gives the connection back once the database has
   * cancelled the statement).
   */
  CompletionStage<Rows> execute(Executable statement, ExecutionOptions options);

  /** Executes {@code statement} and reads its rows as {@code type}, a {@code @Projection} record. */
  <R> CompletionStage<List<R>> fetchInto(Executable statement, Class<R> type);

  /**
   * Runs {@code callback} on a worker with a borrowed connection (autocommit) and completes with what
   * it returns, which must be read already: returning a {@code Result} or a stream fails with
   * {@link IllegalArgumentException}, as a cursor must be read on the thread that opened it.
   */
  <R> CompletionStage<R> withConnection(ConnectionCallback<R> callback);

  /**
   * Runs {@code callback} on a worker in a transaction (SQLAlchemy's {@code async with engine.begin()}):
   * commits when it returns, rolls back when it throws and fails the stage with that exception.
   */
  <R> CompletionStage<R> inTransaction(ConnectionCallback<R> callback);

  /** The engine whose connections the operations use. */
  Engine engine();

  /** Shuts down the executor this async engine made (not one the caller supplied, nor the engine). */
  @Override
  void close();
}
