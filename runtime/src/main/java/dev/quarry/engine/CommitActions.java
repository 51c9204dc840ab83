package dev.quarry.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What waits on one connection for its transaction to commit: the tables its statements changed
 * (for {@link EngineListener#changesCommitted}) and {@link Connection#afterCommit} actions. Outside
 * a transaction they run at once; on a connection in a provider's owner's transaction they go to
 * {@link ConnectionProvider#afterCommit}, since only the owner's commit makes them true.
 */
final class CommitActions {
  private final DefaultEngine engine;
  private final java.sql.Connection jdbc;
  /** The connection is in a transaction a {@link ConnectionProvider}'s owner commits. */
  private final boolean managed;
  /** The tables the open transaction changed; null until it changes one (a read allocates nothing). */
  private Set<String> tables;
  /** Null until an action is registered. */
  private List<Runnable> actions;

  CommitActions(DefaultEngine engine, java.sql.Connection jdbc, boolean managed) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.managed = managed;
  }

  /** A statement succeeded that changed rows of {@code writes}: kept for the commit, or reported now. */
  void wrote(Set<String> writes, boolean inTransaction) {
    if (writes.isEmpty()) {
      return;
    }
    if (inTransaction) {
      if (tables == null) {
        tables = new LinkedHashSet<>();
      }
      tables.addAll(writes);
    } else if (managed) {
      engine.afterOwnerCommit(jdbc, () -> engine.changesCommitted(writes));
    } else {
      engine.changesCommitted(writes);
    }
  }

  /** The tables the statements of a batch change: usually all the same set, so mostly no set is built. */
  static Set<String> writes(List<? extends Executable> statements) {
    Set<String> all = statements.get(0).writes();
    Set<String> union = null;
    for (int i = 1; i < statements.size(); i++) {
      Set<String> writes = statements.get(i).writes();
      if (!writes.isEmpty() && !(union != null ? union : all).containsAll(writes)) {
        if (union == null) {
          union = new LinkedHashSet<>(all);
        }
        union.addAll(writes);
      }
    }
    return union != null ? union : all;
  }

  /** {@link Connection#afterCommit}. */
  void add(Runnable action, boolean inTransaction) {
    if (inTransaction) {
      if (actions == null) {
        actions = new ArrayList<>();
      }
      actions.add(action);
    } else if (managed) {
      engine.afterOwnerCommit(jdbc, action);
    } else {
      action.run();
    }
  }

  /**
   * The outer transaction committed, or may have (a cache must assume it did): runs what waited,
   * or hands it to the owner of a joined transaction, whose commit is still to come.
   */
  void committed() {
    List<Runnable> run = new ArrayList<>(2);
    if (tables != null) {
      Set<String> changed = Collections.unmodifiableSet(tables);
      run.add(() -> engine.changesCommitted(changed));
    }
    if (actions != null) {
      run.addAll(actions);
    }
    tables = null;
    actions = null;
    if (run.isEmpty()) {
      return;
    }
    if (managed) {
      engine.afterOwnerCommit(jdbc, () -> runAll(run)); // one hand-over, so one failure does not stop the rest
    } else {
      runAll(run);
    }
  }

  /** The outer transaction rolled back: nothing it did stays, so nothing waits for it. */
  void rolledBack() {
    tables = null;
    actions = null;
  }

  /** Runs every action, even after one throws; then throws the first failure, the others suppressed. */
  static void runAll(List<Runnable> run) {
    Throwable first = null;
    for (Runnable action : run) {
      try {
        action.run();
      } catch (RuntimeException | Error e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first instanceof RuntimeException e) {
      throw e;
    }
    if (first != null) {
      throw (Error) first;
    }
  }
}
