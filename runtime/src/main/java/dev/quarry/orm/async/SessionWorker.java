package dev.quarry.orm.async;

import dev.quarry.orm.OrmException;
import dev.quarry.orm.PendingRollbackException;
import dev.quarry.orm.Session;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The state an async session's views share: the sync session, and the lane that runs its operations
 * one after another on the executor. All fields are guarded by {@code this}; the sync session is
 * touched only by the task the lane is running, or by the caller of {@code add} while nothing runs,
 * the monitor ordering each hand-over.
 */
final class SessionWorker {
  enum Kind { NORMAL, ROLLBACK, CLOSE }

  private enum State { QUEUED, RUNNING, DONE, SKIPPED }

  private static final class Op<T> {
    final String name;
    final Kind kind;
    final Function<? super Session, ? extends T> work;
    final CompletableFuture<T> future = new CompletableFuture<>();
    State state = State.QUEUED;
    RejectedExecutionException rejection;

    Op(String name, Kind kind, Function<? super Session, ? extends T> work) {
      this.name = name;
      this.kind = kind;
      this.work = work;
    }
  }

  private final Session session;
  private final Executor executor;
  private final ArrayDeque<Op<?>> queue = new ArrayDeque<>();
  /** Whether a task of this session is on the executor (queued there or running). */
  private boolean dispatched;
  /** The operation whose stage the caller holds; a new one is refused while it is incomplete. */
  private Op<?> current;
  /** Why the session needs rollback: an operation that had started was timed out or cancelled. */
  private Throwable abandoned;
  private boolean closed;

  SessionWorker(Session session, Executor executor) {
    this.session = session;
    this.executor = executor;
  }

  <T> CompletableFuture<T> submit(String name, Kind kind, Duration timeout, Function<? super Session, ? extends T> work) {
    Op<T> op = new Op<>(name, kind, work);
    List<Op<?>> rejected;
    synchronized (this) {
      if (closed) {
        if (kind == Kind.CLOSE) {
          op.state = State.DONE;
          op.future.complete(null);
          return op.future;
        }
        return CompletableFuture.failedFuture(new OrmException("Cannot run " + name + ": this AsyncSession is closed"));
      }
      if (kind != Kind.CLOSE && current != null && !current.future.isDone()) {
        return CompletableFuture.failedFuture(new ConcurrentOperationException(name, current.name));
      }
      if (kind == Kind.CLOSE) {
        closed = true;
      }
      current = op;
      queue.add(op);
      op.future.whenComplete((r, e) -> stageDone(op, e));
      rejected = dispatch();
    }
    fail(rejected);
    Workers.deadline(op.future, timeout, () -> new OperationTimeoutException(name, timeout, started(op)));
    return op.future;
  }

  /** Runs {@code work} on the caller's thread when no operation is in progress (no I/O: add). */
  synchronized void now(String name, java.util.function.Consumer<Session> work) {
    if (closed) {
      throw new OrmException("Cannot run " + name + ": this AsyncSession is closed");
    }
    if (dispatched || !queue.isEmpty() || (current != null && !current.future.isDone())) {
      throw new ConcurrentOperationException(name, current == null ? "an operation" : current.name);
    }
    work.accept(session);
  }

  synchronized boolean busy() {
    return dispatched || !queue.isEmpty() || (current != null && !current.future.isDone());
  }

  private synchronized boolean started(Op<?> op) {
    return op.state == State.RUNNING || op.state == State.DONE;
  }

  /** The caller's stage completed: when it was not the worker that completed it, forget or abandon the operation. */
  private void stageDone(Op<?> op, Throwable error) {
    synchronized (this) {
      if (op.state == State.QUEUED) {
        queue.remove(op); // never runs (a task already on the executor skips it)
        op.state = State.SKIPPED;
      } else if (op.state == State.RUNNING && error != null && abandoned == null) {
        abandoned = error instanceof CancellationException
            ? new OrmException(op.name + " was cancelled while it ran; its outcome is unknown", error)
            : error;
      }
    }
  }

  /** Puts the next queued operation on the executor if none is there; returns the operations it refused. */
  private List<Op<?>> dispatch() {
    List<Op<?>> rejected = null;
    while (!dispatched && !queue.isEmpty()) {
      Op<?> op = queue.poll();
      if (op.future.isDone()) {
        op.state = State.SKIPPED;
        continue;
      }
      dispatched = true;
      try {
        executor.execute(() -> run(op));
      } catch (RejectedExecutionException e) {
        dispatched = false;
        op.state = State.SKIPPED;
        op.rejection = e;
        if (rejected == null) {
          rejected = new ArrayList<>();
        }
        rejected.add(op);
      }
    }
    return rejected;
  }

  private static void fail(List<Op<?>> rejected) {
    if (rejected != null) {
      for (Op<?> op : rejected) {
        op.future.completeExceptionally(new OperationRejectedException("AsyncSession." + op.name, op.rejection));
      }
    }
  }

  private <T> void run(Op<T> op) {
    Throwable needsRollback;
    List<Op<?>> rejected;
    synchronized (this) {
      if (op.state != State.QUEUED) {
        dispatched = false;
        rejected = dispatch();
        needsRollback = null;
        op = null;
      } else {
        op.state = State.RUNNING;
        needsRollback = abandoned;
        rejected = null;
      }
    }
    if (op == null) {
      fail(rejected);
      return;
    }
    T result = null;
    Throwable error = null;
    try {
      if (needsRollback != null && op.kind == Kind.NORMAL) {
        throw new PendingRollbackException(needsRollback);
      }
      switch (op.kind) {
        case ROLLBACK -> session.rollback();
        case CLOSE -> session.close();
        default -> result = DefaultAsyncEngine.materialized(op.work.apply(session));
      }
    } catch (Throwable e) {
      error = e;
    }
    synchronized (this) {
      if (op.kind != Kind.NORMAL && error == null) {
        abandoned = null;
      }
      op.state = State.DONE;
      dispatched = false;
      rejected = dispatch();
    }
    if (error != null) {
      op.future.completeExceptionally(error);
    } else {
      op.future.complete(result);
    }
    fail(rejected);
  }

  Session session() {
    return session;
  }
}
