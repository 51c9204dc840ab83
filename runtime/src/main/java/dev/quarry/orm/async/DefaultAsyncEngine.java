package dev.quarry.orm.async;

import dev.quarry.engine.ConnectionCallback;
import dev.quarry.engine.Engine;
import dev.quarry.engine.Executable;
import dev.quarry.engine.ExecutionOptions;
import dev.quarry.engine.Result;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/** The async engine: one task per operation on the executor, each with its own pooled connection. */
final class DefaultAsyncEngine implements AsyncEngine {
  private final Engine engine;
  private final Executor executor;
  private final ExecutorService owned;

  DefaultAsyncEngine(Engine engine, Executor executor, int threads, int queue) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.owned = executor == null ? Workers.bounded(threads, queue) : null;
    this.executor = executor == null ? owned : executor;
  }

  @Override
  public CompletionStage<Rows> execute(Executable statement) {
    return execute(statement, ExecutionOptions.DEFAULT);
  }

  @Override
  public CompletionStage<Rows> execute(Executable statement, ExecutionOptions options) {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(options, "options");
    return submit("execute", options.timeout(), c -> Rows.read(c.execute(statement, options)), false);
  }

  @Override
  public <R> CompletionStage<List<R>> fetchInto(Executable statement, Class<R> type) {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(type, "type");
    return submit("fetchInto", null, c -> {
      try (Result r = c.execute(statement)) {
        return r.into(type);
      }
    }, false);
  }

  @Override
  public <R> CompletionStage<R> withConnection(ConnectionCallback<R> callback) {
    return submit("withConnection", null, Objects.requireNonNull(callback, "callback"), false);
  }

  @Override
  public <R> CompletionStage<R> inTransaction(ConnectionCallback<R> callback) {
    return submit("inTransaction", null, Objects.requireNonNull(callback, "callback"), true);
  }

  private <R> CompletionStage<R> submit(String name, Duration timeout, ConnectionCallback<R> work, boolean transaction) {
    CompletableFuture<R> future = new CompletableFuture<>();
    Runnable task = () -> {
      if (future.isDone()) {
        return; // cancelled or timed out while queued: never runs
      }
      try {
        R result = transaction ? engine.inTransaction(c -> materialized(work.apply(c)))
            : engine.withConnection(c -> materialized(work.apply(c)));
        future.complete(result);
      } catch (Throwable e) {
        future.completeExceptionally(e);
      }
    };
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new OperationRejectedException("AsyncEngine." + name, e));
      return future;
    }
    Workers.deadline(future, timeout, () -> new OperationTimeoutException("AsyncEngine." + name, timeout, true));
    return future;
  }

  static <R> R materialized(R value) {
    if (value instanceof Result r) {
      r.close();
      throw new IllegalArgumentException("The callback returned an open Result: read it (fetchAll, into, map...) "
          + "inside the callback, as a cursor must be read on the thread that executed it");
    }
    if (value instanceof java.util.stream.BaseStream<?, ?> s) {
      s.close();
      throw new IllegalArgumentException("The callback returned a lazy stream: collect it inside the callback, "
          + "as it reads a cursor that must be read on the thread that executed it");
    }
    return value;
  }

  @Override
  public Engine engine() {
    return engine;
  }

  @Override
  public void close() {
    if (owned != null) {
      owned.shutdown();
    }
  }

  @Override
  public String toString() {
    return "AsyncEngine[" + engine + "]";
  }
}
