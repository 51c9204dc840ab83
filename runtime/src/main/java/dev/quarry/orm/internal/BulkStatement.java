package dev.quarry.orm.internal;

import dev.quarry.orm.BulkDelete;
import dev.quarry.orm.BulkUpdate;
import dev.quarry.orm.EntityState;
import dev.quarry.orm.FlushChanges;
import dev.quarry.orm.OrmException;
import dev.quarry.orm.Synchronize;
import dev.quarry.spi.EntityMapping;
import dev.quarry.sql.Column;
import dev.quarry.sql.Delete;
import dev.quarry.sql.Expression;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Select;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.sql.Update;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A bulk UPDATE or DELETE by condition through the session (one builder per statement): flushes
 * first, runs one statement, then brings the identity map in line as the {@link Synchronize}
 * choice says, and reports the table as touched.
 */
final class BulkStatement implements BulkUpdate, BulkDelete {
  private record Assign(Column<?> column, Object value, Expression<?> expression) {}

  private final SessionState session;
  private final EntityMapping<Object> mapping;
  private final Table table;
  private final boolean delete;
  private final List<Assign> assignments = new ArrayList<>();
  private final List<Predicate> where = new ArrayList<>();
  private final Map<Integer, Object> equalities = new LinkedHashMap<>();
  private boolean evaluable = true;

  BulkStatement(SessionState session, EntityMapping<Object> mapping, boolean delete) {
    this.session = session;
    this.mapping = mapping;
    this.table = mapping.table();
    this.delete = delete;
    if (mapping.polymorphism() != null && mapping.polymorphism().joined() != null) {
      // one UPDATE/DELETE cannot span the stored tables of a joined hierarchy
      throw new OrmException("bulk " + (delete ? "delete" : "update") + " of " + mapping.entityName()
          + " is not supported: its rows are stored in several tables (joined inheritance); load the objects and"
          + (delete ? " delete them" : " change them") + " in the session, or use a Core statement on its stored tables"
          + " (QRoot.JOINED.tables())");
    }
    Predicate subclass = Polymorphic.filter(mapping, table); // inheritance: only this class's rows
    if (subclass != null) {
      where.add(subclass);
    }
  }

  /**
   * Bulk INSERT of objects that do not join the session: one JDBC batch (generated keys written
   * back where the database returns them for batches), through the unit of work's insert step.
   */
  static void insert(SessionState session, EntityMapping<Object> m, List<?> objects) {
    if (objects.isEmpty()) {
      return;
    }
    List<EntityEntry> rows = new ArrayList<>(objects.size());
    for (Object o : objects) {
      EntityEntry e = new EntityEntry(o, m, 0);
      e.state = EntityState.PENDING;
      m.applyInsertDefaults(o);
      rows.add(e);
    }
    UnitOfWork uow = new UnitOfWork(session);
    FlushPlan plan = new FlushPlan();
    Persister sql = session.persister(m);
    try {
      uow.assignIds(rows);
      plan.steps.add(new FlushPlan.Step(FlushPlan.Kind.INSERT, sql, null, rows));
      uow.execute(plan);
    } catch (RuntimeException failure) {
      uow.undo();
      session.transaction().fail(failure);
      throw failure;
    }
    List<Object> ids = new ArrayList<>(rows.size());
    for (EntityEntry e : rows) {
      ids.add(m.id(e.entity));
    }
    session.flusher().touched(new FlushChanges(Map.of(m.table().qualifiedName(), ids), Map.of(), Map.of(), Set.of()));
  }

  @Override
  public <T> BulkStatement set(Column<T> column, T value) {
    ownColumn(column);
    assignments.add(new Assign(column, column.type().cast(value), null));
    return this;
  }

  @Override
  public <T> BulkStatement set(Column<T> column, Expression<? extends T> value) {
    ownColumn(column);
    assignments.add(new Assign(column, null, Objects.requireNonNull(value, "value")));
    evaluable = false;
    return this;
  }

  private void ownColumn(Column<?> column) {
    if (column.table() != table) {
      throw new IllegalArgumentException(column + " is not a column of " + table + " (the table of "
          + mapping.entityName() + ")");
    }
  }

  @Override
  public BulkStatement where(Predicate... conditions) {
    for (Predicate p : conditions) {
      where.add(Objects.requireNonNull(p, "condition"));
    }
    evaluable = false;
    return this;
  }

  @Override
  public BulkStatement filterBy(String property, Object value) {
    Column<?> c = Properties.column(mapping, table, property);
    equalities.put(c.index(), value);
    where.add(value == null ? c.isNull() : eq(c, value));
    return this;
  }

  private static <T> Predicate eq(Column<T> c, Object value) {
    return c.eq(c.type().cast(value));
  }

  @Override
  public int execute(Synchronize synchronize) {
    Objects.requireNonNull(synchronize, "synchronize");
    if (!delete && assignments.isEmpty()) {
      throw new IllegalArgumentException("a bulk update of " + mapping.entityName() + " needs at least one set(...)");
    }
    if (synchronize == Synchronize.EVALUATE && !evaluable) {
      throw new IllegalArgumentException("Synchronize.EVALUATE can only evaluate filterBy(...) equalities and "
          + "set(column, value) in memory; use Synchronize.FETCH for other conditions or expressions");
    }
    session.flusher().flush();
    Predicate[] conditions = where.toArray(new Predicate[0]);
    List<Object> fetched = synchronize == Synchronize.FETCH ? fetchIds(conditions) : List.of();
    int count;
    if (delete) {
      Delete d = Sql.deleteFrom(table);
      if (conditions.length > 0) {
        d = d.where(conditions);
      }
      count = QueryRunner.update(session, mapping, d);
    } else {
      Update u = Sql.update(table);
      for (Assign a : assignments) {
        u = a.expression() != null ? setExpression(u, a.column(), a.expression()) : setValue(u, a.column(), a.value());
      }
      if (conditions.length > 0) {
        u = u.where(conditions);
      }
      count = QueryRunner.update(session, mapping, u);
    }
    switch (synchronize) {
      case EVALUATE -> synchronize(matchingInMemory());
      case FETCH -> synchronize(entriesOf(fetched));
      case NONE -> { }
    }
    session.flusher().touched(new FlushChanges(Map.of(), Map.of(), Map.of(), Set.of(table.qualifiedName())));
    return count;
  }

  private static <T> Update setValue(Update u, Column<T> c, Object value) {
    return value == null ? u.setNull(c) : u.set(c, c.type().cast(value));
  }

  @SuppressWarnings("unchecked")
  private static <T> Update setExpression(Update u, Column<T> c, Expression<?> e) {
    return u.set(c, (Expression<? extends T>) e);
  }

  private List<Object> fetchIds(Predicate[] conditions) {
    int[] pk = mapping.primaryKeyColumns();
    Column<?>[] keyColumns = new Column<?>[pk.length];
    for (int k = 0; k < pk.length; k++) {
      keyColumns[k] = table.columns().get(pk[k]);
    }
    Select s = Sql.select(keyColumns).from(table);
    if (conditions.length > 0) {
      s = s.where(conditions);
    }
    return QueryRunner.list(session, mapping, s, (rs, vendor) -> {
      Object[] values = new Object[pk.length];
      for (int k = 0; k < pk.length; k++) {
        values[k] = keyColumns[k].type().read(rs, k + 1, vendor);
      }
      return mapping.idOf(values);
    });
  }

  private List<EntityEntry> entriesOf(List<Object> ids) {
    List<EntityEntry> out = new ArrayList<>();
    for (Object id : ids) {
      EntityEntry e = session.identityMap().get(new EntityKey(mapping.identityType(), id));
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  private List<EntityEntry> matchingInMemory() {
    List<EntityEntry> out = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    session.withoutInterception(() -> {
      for (EntityEntry e : session.identityMap().liveEntries()) {
        boolean ofType = e.mapping == mapping
            || (mapping.polymorphism() != null && mapping.entityType().isInstance(e.entity)); // and subclasses
        if (!ofType || e.state != EntityState.PERSISTENT || !seen.add(e.key)) {
          continue;
        }
        boolean match = true;
        for (Map.Entry<Integer, Object> eq : equalities.entrySet()) {
          match &= Objects.equals(mapping.get(e.entity, eq.getKey()), eq.getValue());
        }
        if (match) {
          out.add(e);
        }
      }
      return null;
    });
    return out;
  }

  private void synchronize(List<EntityEntry> affected) {
    java.util.function.Consumer<Object> evaluated = delete || !evaluable ? null : entity -> {
      for (Assign a : assignments) {
        mapping.set(entity, a.column().index(), a.value());
      }
    };
    for (EntityEntry e : affected) {
      session.changedInBulk(e, delete, evaluated);
    }
  }
}
