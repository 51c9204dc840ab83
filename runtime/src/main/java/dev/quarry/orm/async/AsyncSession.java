package dev.quarry.orm.async;

import dev.quarry.engine.Executable;
import dev.quarry.orm.RelationPath;
import dev.quarry.orm.Session;
import dev.quarry.spi.EntityTable;
import dev.quarry.sql.Table;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A {@link Session} whose database work returns {@link CompletionStage}s (SQLAlchemy's
 * {@code AsyncSession}): each operation runs the sync session's method on a worker thread of the
 * factory's executor. Made by {@link AsyncSessionFactory#openSession()}.
 *
 * <p>Rules:
 * <ul>
 *   <li><b>One operation at a time.</b> Calling a method that returns a stage while the stage of the
 *       previous one is incomplete fails the new stage at once with {@link ConcurrentOperationException}
 *       (refused, not queued). Chain calls with {@code thenCompose}. {@link #close()} alone is never
 *       refused: it runs after the operation in progress.
 *   <li><b>No implicit I/O on objects.</b> The session never loads implicitly: touching a relationship
 *       nothing loaded throws {@link dev.quarry.orm.RaiseLoadException} naming {@link #load} or the query
 *       option {@code Load.selectIn(path)}; touching expired state throws naming {@link #refresh}.
 *       Objects are not expired on commit unless the factory's builder says so.
 *   <li><b>Failure contract of the sync session.</b> Stages fail with the exceptions the sync session
 *       throws (e.g. {@code dev.quarry.engine.UniqueViolationException} from a flush), not wrapped; after a
 *       failed flush every operation fails with {@link dev.quarry.orm.PendingRollbackException} until
 *       {@link #rollback()}.
 *   <li><b>Timeouts and cancellation.</b> Every operation has the session's timeout ({@link #withTimeout},
 *       default the factory's {@code operationTimeout}); the database bounds its statements with the
 *       factory's statement timeout (a query's with its own). Cancelling the stage of an operation that
 *       has not started ({@code toCompletableFuture().cancel(false)}) removes it. An operation timed out or
 *       cancelled after it started cannot be stopped mid-statement from here: its stage fails at once, the
 *       worker finishes when the database ends or cancels the statement, and the session then needs
 *       {@link #rollback()} (other operations fail with {@code PendingRollbackException}), as its outcome is
 *       unknown. The rollback runs after the abandoned operation.
 * </ul>
 *
 * <p>Objects the stages return may be used on any thread, as long as they are not touched while an
 * operation of their session runs. A stage's plain continuations ({@code thenApply}) run on the thread
 * that completed it (a worker, or the timer for a timeout); use the {@code *Async} variants for slow work.
 */
public interface AsyncSession {
  /**
   * Makes a transient object pending, or re-attaches a detached one, on the caller's thread (no I/O, as
   * in SQLAlchemy).
   *
   * @throws ConcurrentOperationException when an operation is in progress
   */
  void add(Object entity);

  /** {@link #add} for each object, in order. */
  void addAll(Collection<?> entities);

  /** The object of {@code type} with primary key {@code id}, or null ({@link Session#get}). */
  <E> CompletionStage<E> get(Class<E> type, Object id);

  /** Marks a persistent object for deletion ({@link Session#delete}; staged, as cascades may read). */
  CompletionStage<Void> delete(Object entity);

  /** {@link Session#merge}: completes with the session-bound object. */
  <E> CompletionStage<E> merge(E entity);

  /** Reloads the object's columns now ({@link Session#refresh}); completes with the object. */
  <E> CompletionStage<E> refresh(E entity);

  /**
   * Loads relationship {@code path} of {@code entity} now ({@link Session#load}; SQLAlchemy's
   * {@code awaitable_attrs}); completes with the object, whose relationship is then readable.
   */
  <E> CompletionStage<E> load(E entity, RelationPath<? super E, ?> path);

  /** A query over every object of {@code type}; refine it, then run it with a terminal method. */
  <E> AsyncQuery<E> select(Class<E> type);

  /** A query over the entity of a generated metamodel ({@code session.select(QUser.user)}). */
  <E, T extends Table & EntityTable<E>> AsyncQuery<E> select(T table);

  /** Runs a Core statement in the session's transaction after autoflush ({@link Session#execute}) and reads its result. */
  CompletionStage<Rows> execute(Executable statement);

  /**
   * Runs {@code work} with the sync session on the session's worker and completes with its result: for
   * what the other methods do not cover ({@code s -> s.select(QUser.user, QOrder.order.total).list()},
   * bulk operations). The result must be read already (a list, not a stream or an open {@code Result});
   * {@code work} must not keep the session.
   */
  <T> CompletionStage<T> run(Function<? super Session, ? extends T> work);

  /** Writes pending changes ({@link Session#flush}). */
  CompletionStage<Void> flush();

  /** Flushes and commits ({@link Session#commit}). */
  CompletionStage<Void> commit();

  /** Rolls back and restores objects as the sync session does; clears the need for rollback. */
  CompletionStage<Void> rollback();

  /**
   * Rolls back any open transaction, gives the connection back and detaches every object; runs after
   * the operation in progress, if any (never refused). A closed session refuses further operations.
   */
  CompletionStage<Void> close();

  /**
   * This session with another timeout for the operations started through the returned view (zero:
   * none). The view shares the session, its objects and its one-operation-at-a-time rule.
   */
  AsyncSession withTimeout(Duration timeout);

  /** Whether an operation is queued or running (including one whose stage timed out but is still finishing). */
  boolean isBusy();

  /** The factory that made this session. */
  AsyncSessionFactory factory();
}
