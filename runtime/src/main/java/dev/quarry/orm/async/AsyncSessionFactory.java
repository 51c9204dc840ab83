package dev.quarry.orm.async;

import dev.quarry.engine.Engine;
import dev.quarry.orm.SessionFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes {@link AsyncSession}s (SQLAlchemy's {@code async_sessionmaker}): a {@link SessionFactory} whose
 * sessions never load implicitly, an executor their operations run on, and a default operation
 * timeout. Thread-safe; build one per application and database, and {@link #close()} it on shutdown.
 *
 * <pre>{@code
 * AsyncSessionFactory sessions = AsyncSessionFactory.builder(engine)
 *     .executor(Executors.newVirtualThreadPerTaskExecutor())   // JDK 21+; default: a bounded pool
 *     .operationTimeout(Duration.ofSeconds(5))
 *     .build();
 * CompletionStage<Long> id = sessions.inTransaction(s -> {
 *   User ann = new User("ann");
 *   s.add(ann);
 *   return s.flush().thenApply(v -> ann.getId());
 * });
 * }</pre>
 */
public final class AsyncSessionFactory implements AutoCloseable {
  private final SessionFactory sessions;
  private final Executor executor;
  private final ExecutorService owned;
  private final Duration operationTimeout;

  private AsyncSessionFactory(Builder b) {
    SessionFactory.Builder sync = SessionFactory.builder(b.engine).expireOnCommit(false);
    if (b.operationTimeout != null) {
      sync.statementTimeout(b.operationTimeout);
    }
    if (b.customizer != null) {
      b.customizer.accept(sync);
    }
    this.sessions = sync.implicitLoads(false).build();
    this.owned = b.executor == null ? Workers.bounded(b.threads, b.queue) : null;
    this.executor = b.executor == null ? owned : b.executor;
    this.operationTimeout = b.operationTimeout;
  }

  /** Options for a factory of async sessions over {@code engine}. */
  public static Builder builder(Engine engine) {
    return new Builder(Objects.requireNonNull(engine, "engine"));
  }

  /** A factory with the defaults: bounded executor, no operation timeout, no expiry on commit. */
  public static AsyncSessionFactory of(Engine engine) {
    return builder(engine).build();
  }

  /** A new session; it takes a connection when its first operation needs the database. */
  public AsyncSession openSession() {
    return new DefaultAsyncSession(this, new SessionWorker(sessions.openSession(), executor), operationTimeout);
  }

  /**
   * Runs {@code work} with a new session (SQLAlchemy's {@code async with sessionmaker.begin()}): when its
   * stage completes normally the session commits, when it fails (or {@code work} throws) the session rolls
   * back; the session is closed either way. Completes with the work's result, or fails with its failure
   * (the rollback's own failure suppressed into it) or the commit's.
   */
  public <T> CompletionStage<T> inTransaction(Function<? super AsyncSession, ? extends CompletionStage<T>> work) {
    Objects.requireNonNull(work, "work");
    AsyncSession session = openSession();
    CompletionStage<T> body;
    try {
      body = Objects.requireNonNull(work.apply(session), "work returned null instead of a stage");
    } catch (Throwable e) {
      body = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> out = new CompletableFuture<>();
    body.whenComplete((result, error) -> {
      if (error == null) {
        session.commit().whenComplete((v, commitError) -> session.close().whenComplete((c, closeError) -> {
          if (commitError != null) {
            out.completeExceptionally(unwrap(commitError));
          } else {
            out.complete(result);
          }
        }));
      } else {
        Throwable cause = unwrap(error);
        session.rollback().whenComplete((v, rollbackError) -> session.close().whenComplete((c, closeError) -> {
          if (rollbackError != null && rollbackError != cause) {
            cause.addSuppressed(unwrap(rollbackError));
          }
          out.completeExceptionally(cause);
        }));
      }
    });
    return out;
  }

  static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  /** The sync factory behind the sessions (built with {@code implicitLoads(false)}). */
  public SessionFactory sessionFactory() {
    return sessions;
  }

  /** The default timeout of each operation, or null for none. */
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /**
   * Shuts down the executor the factory made (operations already accepted still run); not one supplied
   * with {@link Builder#executor}, nor the engine.
   */
  @Override
  public void close() {
    if (owned != null) {
      owned.shutdown();
    }
  }

  /** Options of an {@link AsyncSessionFactory}. */
  public static final class Builder {
    private final Engine engine;
    private Consumer<? super SessionFactory.Builder> customizer;
    private Executor executor;
    private int threads = Workers.DEFAULT_THREADS;
    private int queue = Workers.DEFAULT_QUEUE;
    private Duration operationTimeout;

    private Builder(Engine engine) {
      this.engine = engine;
    }

    /**
     * Options of the sync sessions underneath (autoflush, isolation, listeners, cache, statement
     * timeout...). Applied after the async defaults ({@code expireOnCommit(false)}, the statement
     * timeout from {@link #operationTimeout}), so it may change them; {@code implicitLoads} is forced
     * false afterwards, as async sessions must not do I/O when an object is touched.
     */
    public Builder sessions(Consumer<? super SessionFactory.Builder> customizer) {
      this.customizer = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * The executor operations run on, owned by the caller (not shut down by the factory): e.g.
     * {@code Executors.newVirtualThreadPerTaskExecutor()} on JDK 21+, or a pool sized to the engine's
     * connections. An executor that rejects a task fails that operation with {@link OperationRejectedException}.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The size of the default executor, used without {@link #executor}: {@code threads} workers (default
     * 15, the engine's default pool of 5 plus 10 overflow: match your engine's {@code poolSize + maxOverflow})
     * and a queue of {@code queueCapacity} operations (default 256); an operation arriving at a full queue
     * fails at once with {@link OperationRejectedException} instead of waiting.
     */
    public Builder workers(int threads, int queueCapacity) {
      if (threads < 1 || queueCapacity < 1) {
        throw new IllegalArgumentException("threads and queueCapacity must be >= 1, got " + threads + ", " + queueCapacity);
      }
      this.threads = threads;
      this.queue = queueCapacity;
      return this;
    }

    /**
     * The default timeout of every operation of the sessions (queued time included): its stage fails
     * with {@link OperationTimeoutException} when it is not complete by then. It is also the sessions'
     * database statement timeout unless {@link #sessions} sets another. Default none; zero for none.
     */
    public Builder operationTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      Workers.checkTimeout(timeout);
      this.operationTimeout = timeout.isZero() ? null : timeout;
      return this;
    }

    public AsyncSessionFactory build() {
      return new AsyncSessionFactory(this);
    }
  }
}
