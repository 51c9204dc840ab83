package dev.quarry.orm.internal;

import dev.quarry.orm.FlushChanges;
import dev.quarry.orm.FlushEvent;
import dev.quarry.orm.OrmException;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A session's flush: writes what changed ({@link FlushPlanner} plans, {@link UnitOfWork} sends,
 * {@link SessionState} records the transitions), autoflush before queries, and the session's
 * listeners, which learn in {@link #touched} what a flush or bulk statement wrote.
 */
final class SessionFlush {
  /** The facade, only handed to listeners (their events name the session). */
  private final Session session;
  private final SessionState state;
  private final FactoryState factory;
  private final FlushPlanner planner;
  private List<SessionListener> listeners;
  /** What an empty (or failed before writing) flush reports. */
  private static final FlushChanges NOTHING = new FlushChanges(Map.of(), Map.of(), Map.of(), Set.of());
  private boolean flushing;
  private int noAutoflush;

  SessionFlush(Session session, SessionState state, FactoryState factory) {
    this.session = session;
    this.state = state;
    this.factory = factory;
    this.planner = new FlushPlanner(state);
    this.listeners = factory.listeners();
  }

  /** An explicit flush (also commit's, a bulk statement's): every tracked object is compared with its snapshot. */
  void flush() {
    flush(true);
  }

  /**
   * Writes what changed. {@code everything}: compare every tracked object with its snapshot (an
   * explicit flush, commit); else only the entries that may hold a change (autoflush before a query,
   * whose cost must not grow with the objects a session holds: {@link IdentityMap#watchedEntries}).
   */
  private void flush(boolean everything) {
    SessionTransaction tx = state.transaction();
    IdentityMap map = state.identityMap();
    tx.checkUsable();
    if (flushing) {
      return;
    }
    flushing = true;
    state.suppressInterception(true);
    List<SelfReferences.PostUpdate> postUpdates = List.of();
    long started = System.nanoTime();
    FlushChanges written = NOTHING;
    Throwable failed = null;
    try {
      for (SessionListener l : listeners) {
        l.beforeFlush(session);
      }
      Associations associations = RelationSync.beforeFlush(state, everything ? map.entries() : map.watchedCopy());
      UnitOfWork uow = new UnitOfWork(state);
      FlushPlan plan;
      try {
        // no copy: only read before any callback runs
        plan = planner.plan(everything ? map.liveEntries() : map.watchedEntries(), uow::assignIds);
      } catch (RuntimeException ex) {
        uow.undo(); // nothing was sent; keep the transaction
        throw ex;
      }
      if (plan.isEmpty() && associations.isEmpty()) {
        map.settle();
        return;
      }
      try {
        associations.deleteRowsOfDeleted(state);
        uow.execute(plan);
        associations.write(state);
      } catch (RuntimeException | Error ex) {
        plan.postUpdates.forEach(SelfReferences.PostUpdate::restore);
        uow.undo();
        RuntimeException failure = ex instanceof RuntimeException r ? r : new OrmException("flush failed", ex);
        tx.fail(failure);
        if (ex instanceof Error err) {
          throw err;
        }
        throw failure;
      }
      state.stats().flushes++;
      map.settle();
      FlushChanges changes = uow.complete();
      written = changes;
      touched(changes);
      postUpdates = plan.postUpdates;
    } catch (RuntimeException | Error ex) {
      failed = ex;
      throw ex;
    } finally {
      state.suppressInterception(false);
      flushing = false;
      finished(written, started, failed);
    }
    if (!postUpdates.isEmpty()) {
      // the references cleared to break a cycle of new rows: setting them makes their rows dirty
      postUpdates.forEach(SelfReferences.PostUpdate::restore);
      flush();
    }
  }

  /** Before a query or load: flushes what may have changed, unless switched off or already flushing. */
  void autoflush() {
    if (factory.autoflush() && noAutoflush == 0 && !flushing && !state.identityMap().isEmpty()) {
      flush(false);
    }
  }

  /** Whether queries flush first now: else objects in memory may differ from the rows a query reads. */
  boolean autoflushes() {
    return factory.autoflush() && noAutoflush == 0;
  }

  <T> T withoutAutoflush(Supplier<T> work) {
    noAutoflush++;
    try {
      return work.get();
    } finally {
      noAutoflush--;
    }
  }

  /** The one place the session learns which rows and tables were written (the caches, listeners). */
  void touched(FlushChanges changes) {
    SessionCache cache = state.cache();
    if (cache != null) {
      cache.flushed(changes);
    }
    for (SessionListener l : listeners) {
      l.afterFlush(session, changes);
    }
  }

  /**
   * Reports the flush's end, its duration measured from before {@code beforeFlush} (metrics). A
   * listener failing while the flush's own exception propagates must not replace it; an
   * {@link Error} is not reported (the JVM is in trouble, not the flush).
   */
  private void finished(FlushChanges written, long started, Throwable failed) {
    if (listeners.isEmpty() || failed instanceof Error) {
      return;
    }
    RuntimeException failure = (RuntimeException) failed;
    FlushEvent event = new FlushEvent(written, Duration.ofNanos(System.nanoTime() - started), failure);
    try {
      for (SessionListener l : listeners) {
        l.flushFinished(session, event);
      }
    } catch (RuntimeException listenerFailure) {
      if (failure == null) {
        throw listenerFailure;
      }
      failure.addSuppressed(listenerFailure);
    }
  }

  /** The session's listeners (the facade reports commit, rollback and close to them). */
  List<SessionListener> listeners() {
    return listeners;
  }

  void addListener(SessionListener listener) {
    List<SessionListener> copy = new ArrayList<>(listeners);
    copy.add(Objects.requireNonNull(listener, "listener"));
    listeners = copy;
  }
}
