package dev.quarry.orm;

import dev.quarry.engine.BatchResult;
import dev.quarry.engine.Row;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.IdGeneration;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.sql.Column;
import dev.quarry.types.SqlType;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Executes one {@link FlushPlan}: sends each step as one batch through the engine, reads generated keys
 * back, checks row counts (optimistic locking) — and remembers every change it made to objects
 * (generated ids, bumped versions) so a failed flush leaves no half-assigned state behind.
 * Session bookkeeping (snapshots, states, identity map) is only updated by {@link #complete()},
 * after every statement succeeded.
 */
final class UnitOfWork {
  private final SessionImpl session;
  private final List<EntityEntry> idsAssigned = new ArrayList<>();
  private final List<EntityEntry> versionTouched = new ArrayList<>();
  private final List<Object> versionBefore = new ArrayList<>();
  private FlushPlan plan;

  UnitOfWork(SessionImpl session) {
    this.session = session;
  }

  /** Gives pending rows their client-side ids (UUID, pooled sequence) before ordering. */
  void assignIds(List<EntityEntry> inserts) {
    for (EntityEntry e : inserts) {
      EntityMapping<Object> m = e.mapping;
      if (m.id(e.entity) != null) {
        continue;
      }
      IdGeneration gen = m.idGeneration();
      switch (gen.strategy()) {
        case UUID -> setGeneratedId(e, uuidOfIdType(m));
        case SEQUENCE -> setGeneratedId(e, session.nextSequenceValue(m));
        case ASSIGNED -> throw new ObjectStateException(m.entityName() + " has an application-assigned id, but "
            + "this object's id is null: set the id before flushing it (or declare @GeneratedValue)");
        case IDENTITY -> { } // read back after the INSERT
      }
    }
  }

  private static Object uuidOfIdType(EntityMapping<?> m) {
    UUID u = UUID.randomUUID();
    return m.idType() == String.class ? u.toString() : u;
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
    for (Persister part : step.persister().parts()) { // joined inheritance: the root's row first, its key feeds the others
      insert(step, part);
    }
  }

  /**
   * The INSERTs of one part, one batch per shape: a row leaves out the columns it holds no value
   * for that have a server default, so the database fills them in, and those values are read
   * back into the object. The engine reads identity keys back from the batch where the driver
   * returns every row's key, else row by row.
   */
  private void insert(FlushPlan.Step step, Persister part) {
    EntityMapping<Object> m = step.rows().get(0).mapping;
    SessionConnection conn = session.connectionFor(m);
    Map<ColumnShape, List<EntityEntry>> byShape = new LinkedHashMap<>();
    for (EntityEntry e : step.rows()) {
      byShape.computeIfAbsent(new ColumnShape(insertShape(part, e)), k -> new ArrayList<>()).add(e);
    }
    for (Map.Entry<ColumnShape, List<EntityEntry>> group : byShape.entrySet()) {
      int[] columns = group.getKey().columns;
      List<EntityEntry> rows = group.getValue();
      List<List<Object>> values = new ArrayList<>(rows.size());
      for (EntityEntry e : rows) {
        values.add(values(e, columns, false, -1));
      }
      BatchResult result = conn.batch(part.insert(columns), values);
      if (part.readsIdentityKey()) {
        List<Row> keys = result.generatedKeys();
        if (keys.size() != rows.size()) {
          throw new OrmException("the driver returned " + keys.size() + " generated keys for " + rows.size()
              + " rows inserted into " + m.table().qualifiedName());
        }
        Column<?> pkColumn = m.table().columns().get(m.primaryKeyColumns()[0]);
        for (int i = 0; i < rows.size(); i++) {
          setGeneratedId(rows.get(i), m.idOf(new Object[] {keys.get(i).get(0, pkColumn.type())}));
        }
      }
      if (columns.length < part.insertColumns().length) {
        ServerDefaults.readBack(conn, part, columns, rows);
      }
    }
  }

  /** The insert columns of {@code part} without those that are null in the row and have a server default. */
  private static int[] insertShape(Persister part, EntityEntry e) {
    int[] all = part.insertColumns();
    List<Column<?>> columns = e.mapping.table().columns();
    int[] shape = new int[all.length];
    int n = 0;
    for (int c : all) {
      if (columns.get(c).spec().serverDefault() == null || e.mapping.get(e.entity, c) != null) {
        shape[n++] = c;
      }
    }
    return n == all.length ? all : Arrays.copyOf(shape, n);
  }

  /**
   * The parameter values of one row: {@code columns}' current values, then (for UPDATE and
   * DELETE) the primary key as it was loaded, so a changed key still finds its row, then the
   * loaded version when {@code version} is set.
   */
  private static List<Object> values(EntityEntry e, int[] columns, boolean key, int version) {
    EntityMapping<Object> m = e.mapping;
    int[] pk = key ? m.primaryKeyColumns() : new int[0];
    Object[] out = new Object[columns.length + pk.length + (version >= 0 ? 1 : 0)];
    int i = 0;
    for (int c : columns) {
      out[i++] = m.get(e.entity, c);
    }
    if (key) {
      Object[] id = m.idValues(e.key.id());
      System.arraycopy(id, 0, out, i, id.length);
      i += id.length;
    }
    if (version >= 0) {
      out[i] = e.snapshot[version];
    }
    return Arrays.asList(out);
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
      values.add(values(e, columns, true, version));
    }
    checkCounts(session.connectionFor(m).batch(part.update(columns), values).counts(), step.rows(), "UPDATE", true);
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
      values.add(values(e, new int[0], true, version));
    }
    checkCounts(session.connectionFor(m).batch(part.delete(), values).counts(), step.rows(), "DELETE", version >= 0);
  }

  /** An int[] compared by content: the columns an INSERT writes. */
  private record ColumnShape(int[] columns) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ColumnShape s && Arrays.equals(s.columns, columns);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(columns);
    }
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
    for (FlushPlan.Step step : plan.steps) {
      String table = step.persister().mapping().table().qualifiedName();
      for (EntityEntry e : step.rows()) {
        switch (step.kind()) {
          case INSERT -> {
            ObjectStates.becamePersistent(session, e);
            inserted.computeIfAbsent(table, t -> new ArrayList<>()).add(e.key.id());
            after.add(() -> session.dispatch(LifecycleEvent.AFTER_INSERT, e));
          }
          case UPDATE -> {
            ObjectStates.wasUpdated(session, e);
            updated.computeIfAbsent(table, t -> new ArrayList<>()).add(e.key.id());
            after.add(() -> session.dispatch(LifecycleEvent.AFTER_UPDATE, e));
          }
          case DELETE -> {
            ObjectStates.wasDeleted(session, e);
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
