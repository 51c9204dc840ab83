package dev.quarry.orm.internal;

import dev.quarry.orm.FlushChanges;
import dev.quarry.orm.Session;
import dev.quarry.orm.StaleDataException;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.types.SqlType;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes one {@link FlushPlan}: sends each step as one batch through the engine, reads generated keys
 * back, checks row counts (optimistic locking) — and remembers every change it made to objects
 * (generated ids, bumped versions) so a failed flush leaves no half-assigned state behind.
 * Session bookkeeping (snapshots, states, identity map) is only updated by {@link #complete()},
 * after every statement succeeded.
 */
final class UnitOfWork {
  private final SessionState session;
  private final List<EntityEntry> idsAssigned = new ArrayList<>();
  private final List<EntityEntry> versionTouched = new ArrayList<>();
  private final List<Object> versionBefore = new ArrayList<>();
  private FlushPlan plan;

  UnitOfWork(SessionState session) {
    this.session = session;
  }

  /** Gives pending rows their client-side ids (UUID, pooled sequence) before ordering; the persister's rule. */
  void assignIds(List<EntityEntry> inserts) {
    for (EntityEntry e : inserts) {
      EntityMapping<Object> m = e.mapping;
      if (m.id(e.entity) != null) {
        continue;
      }
      Object id = session.persister(m).newId(session.transaction().connectionFor(m).engineConnection());
      if (id != null) {
        setGeneratedId(e, id);
      }
    }
  }

  private void setGeneratedId(EntityEntry e, Object id) {
    e.mapping.setId(e.entity, id);
    e.idGenerated = true;
    idsAssigned.add(e);
  }

  void execute(FlushPlan toRun) {
    this.plan = toRun;
    for (FlushPlan.Step step : toRun.steps) {
      switch (step.kind()) {
        case INSERT -> insert(step);
        case UPDATE -> update(step);
        case DELETE -> delete(step);
      }
    }
  }

  private void insert(FlushPlan.Step step) {
    EntityMapping<Object> m = step.rows().get(0).mapping;
    int version = m.versionColumn();
    if (version >= 0) {
      // the library owns the version: a new row starts at the initial value whatever the object held
      Object initial = Versions.initial(columnType(m, version));
      for (EntityEntry e : step.rows()) {
        touchVersion(e, initial);
      }
    }
    List<EntityEntry> rows = step.rows();
    List<Object> entities = new ArrayList<>(rows.size());
    for (EntityEntry e : rows) {
      entities.add(e.entity);
    }
    SessionConnection conn = session.transaction().connectionFor(m);
    step.persister().insert(conn, entities, (row, id) -> setGeneratedId(rows.get(row), id));
  }

  private void update(FlushPlan.Step step) {
    EntityMapping<Object> m = step.rows().get(0).mapping;
    int version = m.versionColumn();
    SqlType<?> versionType = version >= 0 ? columnType(m, version) : null;
    List<EntityEntry> rows = step.rows();
    if (version >= 0) {
      for (EntityEntry e : rows) {
        touchVersion(e, Versions.next(versionType, e.snapshot[version]));
      }
    }
    for (Persister part : step.persister().parts()) {
      // joined inheritance: only the stored tables with changed columns (the root's always when versioned)
      int[] columns = part.stored(step.columns());
      if (columns.length > 0) {
        update(step, part, columns, part.rootPart() ? version : -1);
      }
    }
  }

  private void update(FlushPlan.Step step, Persister part, int[] columns, int version) {
    EntityMapping<Object> m = step.rows().get(0).mapping;
    List<List<Object>> values = new ArrayList<>(step.rows().size());
    for (EntityEntry e : step.rows()) {
      values.add(part.values(e.entity, columns, e.key.id(), version >= 0, version >= 0 ? e.snapshot[version] : null));
    }
    SessionConnection conn = session.transaction().connectionFor(m);
    checkCounts(conn.batch(part.update(columns), values).counts(), step.rows(), "UPDATE", true);
  }

  private void delete(FlushPlan.Step step) {
    List<Persister> parts = step.persister().parts();
    for (int k = parts.size() - 1; k >= 0; k--) { // joined inheritance: the subclasses' rows first
      delete(step, parts.get(k));
    }
  }

  private void delete(FlushPlan.Step step, Persister part) {
    EntityMapping<Object> m = step.rows().get(0).mapping;
    int version = part.rootPart() ? m.versionColumn() : -1;
    List<List<Object>> values = new ArrayList<>(step.rows().size());
    for (EntityEntry e : step.rows()) {
      Object loaded = version >= 0 ? e.snapshot[version] : null;
      values.add(part.values(e.entity, new int[0], e.key.id(), version >= 0, loaded));
    }
    SessionConnection conn = session.transaction().connectionFor(m);
    checkCounts(conn.batch(part.delete(), values).counts(), step.rows(), "DELETE", version >= 0);
  }

  /** A row count other than 1 means the row changed or vanished: stale data. */
  private static void checkCounts(int[] counts, List<EntityEntry> rows, String operation, boolean strict) {
    if (!strict) {
      return;
    }
    for (int i = 0; i < counts.length && i < rows.size(); i++) {
      if (counts[i] != 1 && counts[i] != Statement.SUCCESS_NO_INFO) {
        EntityEntry e = rows.get(i);
        int version = e.mapping.versionColumn();
        throw new StaleDataException(e.mapping.entityName(), e.mapping.table().qualifiedName(), e.key.id(), operation,
            version >= 0 ? e.snapshot[version] : null);
      }
    }
  }

  private static SqlType<?> columnType(EntityMapping<?> m, int column) {
    return m.table().columns().get(column).type();
  }

  private void touchVersion(EntityEntry e, Object newVersion) {
    versionTouched.add(e);
    versionBefore.add(e.mapping.get(e.entity, e.mapping.versionColumn()));
    e.mapping.set(e.entity, e.mapping.versionColumn(), newVersion);
  }

  /** Puts back every id and version this flush assigned; the session's bookkeeping was not touched. */
  void undo() {
    for (int i = versionTouched.size() - 1; i >= 0; i--) {
      EntityEntry e = versionTouched.get(i);
      e.mapping.set(e.entity, e.mapping.versionColumn(), versionBefore.get(i));
    }
    for (EntityEntry e : idsAssigned) {
      e.mapping.setId(e.entity, null);
      e.idGenerated = false;
    }
  }

  /**
   * After every statement succeeded: new rows become persistent under their key, snapshots move
   * forward, deleted rows leave the identity map; after-callbacks run. Returns what was touched.
   */
  FlushChanges complete() {
    Map<String, List<Object>> inserted = new LinkedHashMap<>();
    Map<String, List<Object>> updated = new LinkedHashMap<>();
    Map<String, List<Object>> deleted = new LinkedHashMap<>();
    List<Runnable> after = new ArrayList<>();
    SessionCache cache = session.cache();
    for (FlushPlan.Step step : plan.steps) {
      String table = step.persister().mapping().table().qualifiedName();
      for (EntityEntry e : step.rows()) {
        if (cache != null) {
          cache.rowWritten(step.kind(), e); // before the transitions below move the snapshot and key
        }
        switch (step.kind()) {
          case INSERT -> {
            session.becamePersistent(e);
            inserted.computeIfAbsent(table, t -> new ArrayList<>()).add(e.key.id());
            after.add(() -> session.dispatch(LifecycleEvent.AFTER_INSERT, e));
          }
          case UPDATE -> {
            session.wasUpdated(e);
            updated.computeIfAbsent(table, t -> new ArrayList<>()).add(e.key.id());
            after.add(() -> session.dispatch(LifecycleEvent.AFTER_UPDATE, e));
          }
          case DELETE -> {
            session.wasDeleted(e);
            deleted.computeIfAbsent(table, t -> new ArrayList<>()).add(e.key.id());
            after.add(() -> session.dispatch(LifecycleEvent.AFTER_DELETE, e));
          }
        }
      }
    }
    for (Runnable r : after) {
      r.run();
    }
    return new FlushChanges(inserted, updated, deleted, new HashSet<>());
  }
}
