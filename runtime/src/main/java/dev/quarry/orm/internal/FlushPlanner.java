package dev.quarry.orm.internal;

import dev.quarry.orm.EntityState;
import dev.quarry.orm.ValidationException;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the session's tracked objects into a {@link FlushPlan}: finds the pending, changed and
 * deleted objects (running client defaults, before-callbacks and validators on the way), gives
 * new objects their client-side ids, and orders everything by foreign-key dependency — tables
 * parents first, and rows of self-referencing tables so that a referenced row is inserted before
 * (and deleted after) the rows pointing at it.
 */
final class FlushPlanner {
  private final SessionState session;

  FlushPlanner(SessionState session) {
    this.session = session;
  }

  /**
   * Collects the work of one flush; {@code idAssigner} gives pending rows their client-side ids.
   * {@code tracked} is only read, before any callback runs, so it may be the identity map's live list.
   */
  FlushPlan plan(java.util.Collection<EntityEntry> tracked, Consumer<List<EntityEntry>> idAssigner) {
    List<EntityEntry> inserts = new ArrayList<>();
    List<EntityEntry> updates = new ArrayList<>();
    List<int[]> updateColumns = new ArrayList<>();
    List<EntityEntry> deletes = new ArrayList<>();
    for (EntityEntry e : tracked) {
      if (e.state == EntityState.PENDING) {
        inserts.add(e);
      } else if (e.state == EntityState.PERSISTENT) {
        if (e.markedDeleted) {
          deletes.add(e);
        } else if (e.snapshot != null) {
          int[] dirty = e.mapping.dirtyColumns(e.entity, e.snapshot);
          if (dirty.length > 0) {
            updates.add(e);
            updateColumns.add(dirty);
          }
        }
      }
    }
    if (inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty()) {
      return new FlushPlan();
    }
    inserts.sort(Comparator.comparingLong(e -> e.sequence));
    sortTogether(updates, updateColumns);
    deletes.sort(Comparator.comparingLong(e -> e.sequence));
    for (EntityEntry e : inserts) {
      e.mapping.applyInsertDefaults(e.entity);
      session.dispatch(LifecycleEvent.BEFORE_INSERT, e);
      validate(e, e.mapping.validatedColumns());
    }
    for (int i = updates.size() - 1; i >= 0; i--) {
      EntityEntry e = updates.get(i);
      e.mapping.applyUpdateValues(e.entity);
      session.dispatch(LifecycleEvent.BEFORE_UPDATE, e);
      validate(e, intersect(e.mapping.validatedColumns(), updateColumns.get(i)));
      int[] dirty = e.mapping.dirtyColumns(e.entity, e.snapshot);
      if (dirty.length == 0) { // a callback undid the change
        updates.remove(i);
        updateColumns.remove(i);
      } else {
        updateColumns.set(i, withVersion(e.mapping, dirty));
      }
    }
    for (EntityEntry e : deletes) {
      session.dispatch(LifecycleEvent.BEFORE_DELETE, e);
    }
    idAssigner.accept(inserts);
    return order(inserts, updates, updateColumns, deletes);
  }

  /** Runs the mapping's validators over {@code columns}, writing back what a validator normalised. */
  private static void validate(EntityEntry e, int[] columns) {
    for (int c : columns) {
      Object value = e.mapping.get(e.entity, c);
      Object validated;
      try {
        validated = e.mapping.validate(e.entity, c, value);
      } catch (IllegalArgumentException ex) {
        throw new ValidationException(e.mapping.entityName(), e.mapping.propertyName(c), value, ex.getMessage());
      }
      if (validated != value) {
        e.mapping.set(e.entity, c, validated);
      }
    }
  }

  private FlushPlan order(List<EntityEntry> inserts, List<EntityEntry> updates, List<int[]> updateColumns,
      List<EntityEntry> deletes) {
    Map<EntityMapping<?>, List<EntityEntry>> insertsBy = new LinkedHashMap<>();
    Map<EntityMapping<?>, List<EntityEntry>> updatesBy = new LinkedHashMap<>();
    Map<EntityEntry, int[]> updateColumnsOf = new IdentityHashMap<>();
    Map<EntityMapping<?>, List<EntityEntry>> deletesBy = new LinkedHashMap<>();
    List<EntityMapping<?>> mappings = new ArrayList<>();
    Set<EntityMapping<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < updates.size(); i++) {
      EntityEntry e = updates.get(i);
      if (seen.add(e.mapping)) {
        mappings.add(e.mapping);
      }
      updatesBy.computeIfAbsent(e.mapping, m -> new ArrayList<>()).add(e);
      updateColumnsOf.put(e, updateColumns.get(i));
    }
    for (EntityEntry e : inserts) {
      if (seen.add(e.mapping)) {
        mappings.add(e.mapping);
      }
      insertsBy.computeIfAbsent(e.mapping, m -> new ArrayList<>()).add(e);
    }
    for (EntityEntry e : deletes) {
      if (seen.add(e.mapping)) {
        mappings.add(e.mapping);
      }
      deletesBy.computeIfAbsent(e.mapping, m -> new ArrayList<>()).add(e);
    }
    List<EntityMapping<?>> sorted = TableOrder.parentsFirst(mappings);
    FlushPlan plan = new FlushPlan();
    for (EntityMapping<?> m : sorted) {
      Persister sql = session.persister(m);
      List<EntityEntry> ups = updatesBy.get(m);
      if (ups != null) {
        // rows in primary-key order, so concurrent flushes lock rows in one order; one batch per
        // run of rows that change the same columns (SQLAlchemy groups consecutive records alike)
        ups.sort(byKey(m));
        int from = 0;
        for (int i = 1; i <= ups.size(); i++) {
          if (i == ups.size() || !Arrays.equals(updateColumnsOf.get(ups.get(i)), updateColumnsOf.get(ups.get(from)))) {
            plan.steps.add(new FlushPlan.Step(FlushPlan.Kind.UPDATE, sql, updateColumnsOf.get(ups.get(from)),
                new ArrayList<>(ups.subList(from, i))));
            from = i;
          }
        }
      }
      List<EntityEntry> ins = insertsBy.get(m);
      if (ins != null) {
        @SuppressWarnings("unchecked")
        EntityMapping<Object> om = (EntityMapping<Object>) m;
        for (List<EntityEntry> level : SelfReferences.insertLevels(om, parentRowsFirst(m, ins), plan.postUpdates)) {
          plan.steps.add(new FlushPlan.Step(FlushPlan.Kind.INSERT, sql, null, level));
        }
      }
    }
    for (int i = sorted.size() - 1; i >= 0; i--) {
      EntityMapping<?> m = sorted.get(i);
      List<EntityEntry> del = deletesBy.get(m);
      if (del != null) {
        // primary-key order, except that a row goes before the row its self-reference points at
        del.sort(byKey(m).reversed());
        List<EntityEntry> rows = parentRowsFirst(m, del);
        Collections.reverse(rows);
        plan.steps.add(new FlushPlan.Step(FlushPlan.Kind.DELETE, session.persister(m), null, rows));
      }
    }
    return plan;
  }

  /**
   * Orders rows of a self-referencing table so every row comes after the row its foreign key
   * points at (when that row is in {@code rows}); otherwise keeps the given order.
   */
  private static List<EntityEntry> parentRowsFirst(EntityMapping<?> m, List<EntityEntry> rows) {
    List<ForeignKey> selfRefs = TableOrder.selfReferences(m);
    if (selfRefs.isEmpty() || rows.size() < 2) {
      return new ArrayList<>(rows);
    }
    Table table = m.table();
    int[] pk = m.primaryKeyColumns();
    Map<Object, EntityEntry> byId = new HashMap<>();
    for (EntityEntry e : rows) {
      Object id = e.mapping.id(e.entity);
      if (id != null) {
        byId.put(id, e);
      }
    }
    Map<EntityEntry, List<EntityEntry>> parents = new IdentityHashMap<>();
    for (EntityEntry e : rows) {
      for (ForeignKey fk : selfRefs) {
        Object[] values = new Object[pk.length];
        boolean complete = fk.columns().size() == pk.length;
        for (int k = 0; complete && k < pk.length; k++) {
          if (!table.column(fk.targetColumns().get(k)).equals(table.columns().get(pk[k]))) {
            complete = false;
            break;
          }
          values[k] = e.mapping.get(e.entity, table.column(fk.columns().get(k)).index());
          complete = values[k] != null;
        }
        if (complete) {
          EntityEntry parent = byId.get(e.mapping.idOf(values));
          if (parent != null && parent != e) {
            parents.computeIfAbsent(e, x -> new ArrayList<>()).add(parent);
          }
        }
      }
    }
    List<EntityEntry> out = new ArrayList<>(rows.size());
    Set<EntityEntry> placed = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<EntityEntry> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
    for (EntityEntry e : rows) {
      place(e, parents, placed, visiting, out);
    }
    return out;
  }

  private static void place(EntityEntry e, Map<EntityEntry, List<EntityEntry>> parents, Set<EntityEntry> placed,
      Set<EntityEntry> visiting, List<EntityEntry> out) {
    if (placed.contains(e) || !visiting.add(e)) {
      return; // already placed, or a cycle of rows (needs a post-update; left in given order)
    }
    for (EntityEntry p : parents.getOrDefault(e, List.of())) {
      place(p, parents, placed, visiting, out);
    }
    placed.add(e);
    out.add(e);
  }

  /** Rows by primary key as the row was loaded: the order concurrent flushes lock rows in. */
  private static Comparator<EntityEntry> byKey(EntityMapping<?> m) {
    return (a, b) -> KeyOrder.compare(a.mapping.idValues(a.key.id()), b.mapping.idValues(b.key.id()));
  }

  /** Sorts updates (and their column sets) by the order objects entered the session. */
  private static void sortTogether(List<EntityEntry> updates, List<int[]> columns) {
    Integer[] order = new Integer[updates.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingLong(i -> updates.get(i).sequence));
    List<EntityEntry> u = new ArrayList<>(updates.size());
    List<int[]> c = new ArrayList<>(updates.size());
    for (int i : order) {
      u.add(updates.get(i));
      c.add(columns.get(i));
    }
    updates.clear();
    updates.addAll(u);
    columns.clear();
    columns.addAll(c);
  }

  private static int[] withVersion(EntityMapping<?> m, int[] dirty) {
    int version = m.versionColumn();
    if (version < 0) {
      return dirty;
    }
    for (int c : dirty) {
      if (c == version) {
        return dirty;
      }
    }
    int[] out = Arrays.copyOf(dirty, dirty.length + 1);
    out[dirty.length] = version;
    Arrays.sort(out);
    return out;
  }

  private static int[] intersect(int[] a, int[] b) {
    if (a.length == 0) {
      return a;
    }
    return Arrays.stream(a).filter(x -> Arrays.stream(b).anyMatch(y -> y == x)).toArray();
  }
}
