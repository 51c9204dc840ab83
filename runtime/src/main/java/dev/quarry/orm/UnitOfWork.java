package dev.quarry.orm;

import dev.quarry.engine.Parameter;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.IdGeneration;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.sql.Column;
import dev.quarry.types.SqlType;
import dev.quarry.types.Vendor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Executes one {@link FlushPlan}: binds and sends each step as a JDBC batch, reads generated keys
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

  void execute(FlushPlan toRun) throws SQLException {
    this.plan = toRun;
    for (FlushPlan.Step step : toRun.steps) {
      switch (step.kind()) {
        case INSERT -> insert(step);
        case UPDATE -> update(step);
        case DELETE -> delete(step);
      }
    }
  }

  private void insert(FlushPlan.Step step) throws SQLException {
    EntityMapping<Object> m = step.rows().get(0).mapping;
    int version = m.versionColumn();
    for (EntityEntry e : step.rows()) {
      if (version >= 0 && m.get(e.entity, version) == null) {
        touchVersion(e, nextVersion(columnType(m, version), null));
      }
    }
    for (EntitySql part : step.sql().parts()) { // joined inheritance: the root's row first, its key feeds the others
      insert(step, part);
    }
  }

  private void insert(FlushPlan.Step step, EntitySql sql) throws SQLException {
    EntityMapping<Object> m = step.rows().get(0).mapping;
    SessionConnection conn = session.connectionFor(m);
    Vendor vendor = conn.vendor();
    boolean identity = sql.rootPart() && m.idGeneration().strategy() == IdGeneration.Strategy.IDENTITY;
    int[] columns = sql.insertColumns();
    List<EntityEntry> rows = step.rows();
    boolean batch = rows.size() > 1 && (!identity || vendor == Vendor.POSTGRESQL || vendor == Vendor.H2);
    Column<?> pkColumn = identity ? m.table().columns().get(m.primaryKeyColumns()[0]) : null;
    try (PreparedStatement ps = identity
        ? conn.prepareReturningKeys(sql.insertSql(), new String[] {pkColumn.name()})
        : conn.prepare(sql.insertSql())) {
      if (batch) {
        List<Parameter> first = new ArrayList<>();
        for (EntityEntry e : rows) {
          bindColumns(ps, 1, e, columns, vendor, e == rows.get(0) ? first : null);
          ps.addBatch();
        }
        conn.executeBatch(ps, sql.insertSql(), rows.size(), first);
        if (identity) {
          try (ResultSet keys = ps.getGeneratedKeys()) {
            for (EntityEntry e : rows) {
              if (!keys.next()) {
                throw new SQLException("the driver returned fewer generated keys than rows inserted into "
                    + m.table().qualifiedName());
              }
              setGeneratedId(e, m.idOf(new Object[] {pkColumn.type().read(keys, 1, vendor)}));
            }
          }
        }
      } else {
        for (EntityEntry e : rows) {
          List<Parameter> shown = new ArrayList<>(columns.length);
          bindColumns(ps, 1, e, columns, vendor, shown);
          conn.executeUpdate(ps, sql.insertSql(), shown);
          if (identity) {
            try (ResultSet keys = ps.getGeneratedKeys()) {
              if (!keys.next()) {
                throw new SQLException("the driver returned no generated key for the INSERT into "
                    + m.table().qualifiedName());
              }
              setGeneratedId(e, m.idOf(new Object[] {pkColumn.type().read(keys, 1, vendor)}));
            }
          }
        }
      }
    }
  }

  private void update(FlushPlan.Step step) throws SQLException {
    EntityMapping<Object> m = step.rows().get(0).mapping;
    int version = m.versionColumn();
    SqlType<?> versionType = version >= 0 ? columnType(m, version) : null;
    List<EntityEntry> rows = step.rows();
    if (version >= 0) {
      for (EntityEntry e : rows) {
        touchVersion(e, nextVersion(versionType, e.snapshot[version]));
      }
    }
    for (EntitySql part : step.sql().parts()) {
      // joined inheritance: only the stored tables with changed columns (the root's always when versioned)
      int[] columns = part.stored(step.columns());
      if (columns.length > 0) {
        update(step, part, columns, part.rootPart() ? version : -1);
      }
    }
  }

  private void update(FlushPlan.Step step, EntitySql part, int[] columns, int version) throws SQLException {
    EntityMapping<Object> m = step.rows().get(0).mapping;
    SessionConnection conn = session.connectionFor(m);
    Vendor vendor = conn.vendor();
    String sql = part.updateSql(columns);
    List<EntityEntry> rows = step.rows();
    List<Parameter> first = new ArrayList<>();
    try (PreparedStatement ps = conn.prepare(sql)) {
      for (EntityEntry e : rows) {
        List<Parameter> shown = e == rows.get(0) ? first : null;
        int next = bindColumns(ps, 1, e, columns, vendor, shown);
        next = bindKey(ps, next, e, vendor, shown);
        if (version >= 0) {
          bindVersion(ps, next, m, e.snapshot[version], vendor, shown);
        }
        if (rows.size() > 1) {
          ps.addBatch();
        } else {
          checkCounts(new int[] {conn.executeUpdate(ps, sql, first)}, rows, "UPDATE", true);
        }
      }
      if (rows.size() > 1) {
        checkCounts(conn.executeBatch(ps, sql, rows.size(), first), rows, "UPDATE", true);
      }
    }
  }

  private void delete(FlushPlan.Step step) throws SQLException {
    List<EntitySql> parts = step.sql().parts();
    for (int k = parts.size() - 1; k >= 0; k--) { // joined inheritance: the subclasses' rows first
      delete(step, parts.get(k));
    }
  }

  private void delete(FlushPlan.Step step, EntitySql part) throws SQLException {
    EntityMapping<Object> m = step.rows().get(0).mapping;
    SessionConnection conn = session.connectionFor(m);
    Vendor vendor = conn.vendor();
    int version = part.rootPart() ? m.versionColumn() : -1;
    String sql = part.deleteSql();
    List<EntityEntry> rows = step.rows();
    List<Parameter> first = new ArrayList<>();
    try (PreparedStatement ps = conn.prepare(sql)) {
      for (EntityEntry e : rows) {
        List<Parameter> shown = e == rows.get(0) ? first : null;
        int next = bindKey(ps, 1, e, vendor, shown);
        if (version >= 0) {
          bindVersion(ps, next, m, e.snapshot[version], vendor, shown);
        }
        if (rows.size() > 1) {
          ps.addBatch();
        } else {
          checkCounts(new int[] {conn.executeUpdate(ps, sql, first)}, rows, "DELETE", version >= 0);
        }
      }
      if (rows.size() > 1) {
        checkCounts(conn.executeBatch(ps, sql, rows.size(), first), rows, "DELETE", version >= 0);
      }
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

  private int bindColumns(PreparedStatement ps, int first, EntityEntry e, int[] columns, Vendor vendor,
      List<Parameter> shown) throws SQLException {
    List<Column<?>> all = e.mapping.table().columns();
    int index = first;
    for (int c : columns) {
      Column<?> column = all.get(c);
      Object value = e.mapping.get(e.entity, c);
      bind(ps, index++, column.type(), value, vendor);
      if (shown != null) {
        shown.add(new Parameter(column.name(), value, column.type()));
      }
    }
    return index;
  }

  /** Binds the primary key as it was loaded (so a changed key still finds its row). */
  private int bindKey(PreparedStatement ps, int first, EntityEntry e, Vendor vendor, List<Parameter> shown)
      throws SQLException {
    int[] pk = e.mapping.primaryKeyColumns();
    Object[] values = e.mapping.idValues(e.key.id());
    List<Column<?>> all = e.mapping.table().columns();
    for (int k = 0; k < pk.length; k++) {
      Column<?> column = all.get(pk[k]);
      bind(ps, first + k, column.type(), values[k], vendor);
      if (shown != null) {
        shown.add(new Parameter(column.name(), values[k], column.type()));
      }
    }
    return first + pk.length;
  }

  private static void bindVersion(PreparedStatement ps, int index, EntityMapping<?> m, Object value, Vendor vendor,
      List<Parameter> shown) throws SQLException {
    Column<?> column = m.table().columns().get(m.versionColumn());
    bind(ps, index, column.type(), value, vendor);
    if (shown != null) {
      shown.add(new Parameter(column.name(), value, column.type()));
    }
  }

  private static void bind(PreparedStatement ps, int index, SqlType<?> type, Object value, Vendor vendor)
      throws SQLException {
    type.bindObject(ps, index, value, vendor);
  }

  private static SqlType<?> columnType(EntityMapping<?> m, int column) {
    return m.table().columns().get(column).type();
  }

  private void touchVersion(EntityEntry e, Object newVersion) {
    versionTouched.add(e);
    versionBefore.add(e.mapping.get(e.entity, e.mapping.versionColumn()));
    e.mapping.set(e.entity, e.mapping.versionColumn(), newVersion);
  }

  /** The version after {@code current}: numbers count up from 1, timestamps take the clock. */
  static Object nextVersion(SqlType<?> type, Object current) {
    Class<?> t = type.javaType();
    if (t == Integer.class) {
      return current == null ? 1 : (Integer) current + 1;
    } else if (t == Long.class) {
      return current == null ? 1L : (Long) current + 1;
    } else if (t == Short.class) {
      return (short) (current == null ? 1 : (Short) current + 1);
    } else if (t == Instant.class) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      return current != null && !now.isAfter((Instant) current) ? ((Instant) current).plus(1, ChronoUnit.MICROS) : now;
    } else if (t == LocalDateTime.class) {
      LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
      return current != null && !now.isAfter((LocalDateTime) current)
          ? ((LocalDateTime) current).plus(1, ChronoUnit.MICROS) : now;
    } else if (t == OffsetDateTime.class) {
      OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
      return current != null && !now.isAfter((OffsetDateTime) current)
          ? ((OffsetDateTime) current).plus(1, ChronoUnit.MICROS) : now;
    }
    throw new OrmException("unsupported version column type " + type + ": use int, long, short or a timestamp");
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
      String table = step.sql().mapping().table().qualifiedName();
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
