package dev.quarry.orm;

import dev.quarry.engine.Executable;
import dev.quarry.engine.Parameter;
import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.IdGeneration;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.spi.EntityTable;
import dev.quarry.spi.ManagedEntity;
import dev.quarry.sql.SelectItem;
import dev.quarry.sql.Table;
import dev.quarry.types.Vendor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The {@link Session} implementation: object states, identity map, transaction and flush control. */
final class SessionImpl implements Session {
  private final SessionFactory factory;
  private final IdentityMap map = new IdentityMap();
  private final SessionStats stats = new SessionStats(map);
  private final EntityLoader loader = new EntityLoader(this);
  private final FlushPlanner planner = new FlushPlanner(this);
  private final Interceptor interceptor = new Interceptor();
  private final SessionTransaction tx;
  private List<SessionListener> listeners;
  private boolean flushing;
  private int noAutoflush;
  private int suppressInterception;

  SessionImpl(SessionFactory factory) {
    this.factory = factory;
    this.listeners = factory.listeners();
    this.tx = new SessionTransaction(factory, stats);
  }

  // --- adding, getting, deleting ------------------------------------------------------------

  @Override
  public void add(Object entity) {
    Objects.requireNonNull(entity, "entity");
    tx.checkUsable();
    if (map.entryOf(entity) != null) {
      return;
    }
    EntityMapping<Object> m = SessionFactory.mapping(entity.getClass());
    DetachedRegistry.Detached detached = detachedInfo(entity);
    EntityEntry e = new EntityEntry(entity, m, map.nextSequence());
    if (detached != null) {
      EntityEntry other = map.get(detached.key());
      if (other != null) {
        throw new ObjectStateException("cannot attach " + m.entityName() + " with id " + detached.key().id()
            + ": another object with that id is already in this session; use session.merge(object) instead");
      }
      e.state = EntityState.PERSISTENT;
      e.key = detached.key();
      e.snapshot = detached.snapshot();
      e.expired = detached.expired();
      factory.detached().remove(entity);
      if (entity instanceof ManagedEntity me) {
        me.quarryInterceptor(interceptor);
      }
    } else {
      e.state = EntityState.PENDING;
    }
    map.track(e);
  }

  @Override
  public void addAll(Collection<?> entities) {
    for (Object o : entities) {
      add(o);
    }
  }

  @Override
  public <E> E get(Class<E> type, Object id) {
    Objects.requireNonNull(id, "id");
    tx.checkUsable();
    EntityMapping<Object> m = SessionFactory.mapping(type);
    EntityKey key = new EntityKey(m.entityType(), IdNormalizer.normalize(m, id));
    EntityEntry e = map.get(key);
    if (e != null) {
      if (e.markedDeleted || e.state == EntityState.DELETED) {
        return null;
      }
      if (e.expired) {
        autoflush();
        if (!reload(e)) {
          return null;
        }
      }
      return type.cast(e.entity);
    }
    autoflush();
    return type.cast(loadById(m, key.id()));
  }

  private Object loadById(EntityMapping<Object> m, Object id) {
    EntitySql sql = sql(m);
    SessionConnection conn = connectionFor(m);
    try (PreparedStatement ps = conn.prepare(sql.selectByIdSql())) {
      List<Parameter> shown = bindId(ps, m, id, conn.vendor());
      try (ResultSet rs = conn.executeQuery(ps, sql.selectByIdSql(), shown)) {
        return rs.next() ? loader.load(m, rs, 1, conn.vendor()) : null;
      }
    } catch (SQLException ex) {
      throw Errors.database(conn, ex, sql.selectByIdSql());
    }
  }

  private static List<Parameter> bindId(PreparedStatement ps, EntityMapping<Object> m, Object id, Vendor vendor)
      throws SQLException {
    int[] pk = m.primaryKeyColumns();
    Object[] values = m.idValues(id);
    List<Parameter> shown = new ArrayList<>(pk.length);
    for (int k = 0; k < pk.length; k++) {
      dev.quarry.sql.Column<?> c = m.table().columns().get(pk[k]);
      c.type().bindObject(ps, k + 1, values[k], vendor);
      shown.add(new Parameter(c.name(), values[k], c.type()));
    }
    return shown;
  }

  /** Reloads an entry from its row; false (and the entry leaves the session) when the row is gone. */
  private boolean reload(EntityEntry e) {
    EntitySql sql = sql(e.mapping);
    SessionConnection conn = connectionFor(e.mapping);
    try (PreparedStatement ps = conn.prepare(sql.selectByIdSql())) {
      List<Parameter> shown = bindId(ps, e.mapping, e.key.id(), conn.vendor());
      try (ResultSet rs = conn.executeQuery(ps, sql.selectByIdSql(), shown)) {
        if (!rs.next()) {
          return false;
        }
        loader.populate(e, rs, 1, conn.vendor());
        return true;
      }
    } catch (SQLException ex) {
      throw Errors.database(conn, ex, sql.selectByIdSql());
    }
  }

  @Override
  public void delete(Object entity) {
    tx.checkUsable();
    EntityEntry e = map.entryOf(entity);
    if (e == null) {
      if (detachedInfo(entity) == null) {
        throw new ObjectStateException("cannot delete a transient " + SessionFactory.mapping(entity.getClass())
            .entityName() + ": it was never saved (nothing to delete)");
      }
      add(entity); // re-attach a detached object, then mark it
      e = map.entryOf(entity);
    }
    if (e.state == EntityState.PENDING) {
      throw new ObjectStateException("cannot delete a pending " + e.mapping.entityName()
          + ": it is not persisted yet; use session.expunge(object) to drop it instead");
    }
    if (e.state == EntityState.PERSISTENT) {
      e.markedDeleted = true;
    }
  }

  @Override
  public <E> E merge(E entity) {
    tx.checkUsable();
    if (map.entryOf(entity) != null) {
      return entity;
    }
    EntityMapping<Object> m = SessionFactory.mapping(entity.getClass());
    Object id = m.id(entity);
    Object target = id == null ? null : get(m.entityType(), id);
    if (target == null) {
      target = m.newInstance();
      copyColumns(m, entity, target, true);
      add(target);
    } else {
      int version = m.versionColumn();
      if (version >= 0) {
        Object mine = m.get(entity, version);
        Object theirs = m.get(target, version);
        if (mine != null && !mine.equals(theirs)) {
          throw new StaleDataException(m.entityName(), id, "merge", mine);
        }
      }
      copyColumns(m, entity, target, false);
    }
    @SuppressWarnings("unchecked")
    E result = (E) target;
    return result;
  }

  private static void copyColumns(EntityMapping<Object> m, Object from, Object to, boolean withKey) {
    int n = m.table().columns().size();
    int[] pk = m.primaryKeyColumns();
    for (int c = 0; c < n; c++) {
      boolean key = false;
      for (int p : pk) {
        key |= p == c;
      }
      if (withKey || !key) {
        m.set(to, c, m.get(from, c));
      }
    }
  }

  @Override
  public void refresh(Object entity) {
    tx.checkUsable();
    EntityEntry e = persistentEntry(entity, "refresh");
    if (!reload(e)) {
      throw new ObjectDeletedException(e.mapping.entityName(), e.key.id());
    }
  }

  @Override
  public void expire(Object entity) {
    persistentEntry(entity, "expire").expired = true;
  }

  @Override
  public void expireAll() {
    for (EntityEntry e : map.liveEntries()) {
      if (e.state == EntityState.PERSISTENT) {
        e.expired = true;
      }
    }
  }

  private EntityEntry persistentEntry(Object entity, String operation) {
    EntityEntry e = map.entryOf(entity);
    if (e == null || e.state != EntityState.PERSISTENT) {
      throw new ObjectStateException("cannot " + operation + " " + SessionFactory.mapping(entity.getClass())
          .entityName() + ": it is " + (e == null ? state(entity) : e.state).name().toLowerCase()
          + ", not persistent in this session");
    }
    return e;
  }

  @Override
  public void expunge(Object entity) {
    EntityEntry e = map.entryOf(entity);
    if (e == null) {
      throw new ObjectStateException(SessionFactory.mapping(entity.getClass()).entityName()
          + " is not in this session (state " + state(entity) + "); nothing to expunge");
    }
    map.remove(e);
    detach(e);
  }

  @Override
  public void expungeAll() {
    for (EntityEntry e : map.entries()) {
      detach(e);
    }
    map.clear();
  }

  /** Records a departing object as detached (pending objects simply become transient). */
  private void detach(EntityEntry e) {
    if (e.state == EntityState.PENDING || e.key == null) {
      if (e.entity instanceof ManagedEntity me) {
        me.quarryInterceptor(null);
      }
      return;
    }
    DetachedRegistry.Detached info = new DetachedRegistry.Detached(e.key, e.snapshot, e.expired);
    if (e.entity instanceof ManagedEntity me) {
      me.quarryInterceptor(new DetachedInterceptor(e.mapping, info));
    } else {
      factory.detached().put(e.entity, info);
    }
  }

  private DetachedRegistry.Detached detachedInfo(Object entity) {
    if (entity instanceof ManagedEntity me) {
      EntityInterceptor i = me.quarryInterceptor();
      if (i instanceof DetachedInterceptor d) {
        return d.info;
      }
      if (i instanceof Interceptor own && own.session() != this) {
        throw new ObjectStateException(SessionFactory.mapping(entity.getClass()).entityName()
            + " is attached to another open session; expunge it there or use session.merge(object)");
      }
      return null;
    }
    return factory.detached().get(entity);
  }

  // --- queries and bulk statements -----------------------------------------------------------

  @Override
  public <E> EntityQuery<E> select(Class<E> type) {
    EntityMapping<Object> m = SessionFactory.mapping(type);
    return new EntityQueryImpl<>(this, m, type, m.table());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <E, T extends Table & EntityTable<E>> EntityQuery<E> select(T table) {
    EntityMapping<Object> m = mappingOf(table);
    return new EntityQueryImpl<>(this, m, (Class<E>) m.entityType(), table);
  }

  @Override
  public <E> EntityQuery<E> select(Class<E> type, Table alias) {
    EntityMapping<Object> m = SessionFactory.mapping(type);
    if (!m.table().sameTableAs(alias)) {
      throw new IllegalArgumentException(alias + " is not an alias of " + m.table() + ", the table of "
          + m.entityName());
    }
    return new EntityQueryImpl<>(this, m, type, alias);
  }

  @Override
  public TupleQuery select(SelectItem... items) {
    if (items.length == 1 && items[0] instanceof Table t) {
      // A metamodel that does not declare its entity type: still a tuple of one entity.
      mappingOf(t);
    }
    return new TupleQueryImpl(this, items);
  }

  @Override
  public <E> List<E> fromStatement(Class<E> type, Executable statement) {
    EntityMapping<Object> m = SessionFactory.mapping(type);
    return QueryRunner.list(this, m, statement, loader.byLabels(m, type));
  }

  @Override
  public dev.quarry.engine.Result execute(Executable statement) {
    tx.checkUsable();
    autoflush();
    return connectionFor(null).engineConnection().execute(statement);
  }

  @Override
  public dev.quarry.engine.Connection connection() {
    return connectionFor(null).engineConnection();
  }

  @Override
  public <E> void bulkInsert(Class<E> type, List<? extends E> objects) {
    tx.checkUsable();
    flush();
    if (objects.isEmpty()) {
      return;
    }
    EntityMapping<Object> m = SessionFactory.mapping(type);
    List<EntityEntry> rows = new ArrayList<>(objects.size());
    for (E o : objects) {
      EntityEntry e = new EntityEntry(o, m, 0);
      e.state = EntityState.PENDING;
      m.applyInsertDefaults(o);
      rows.add(e);
    }
    UnitOfWork uow = new UnitOfWork(this);
    FlushPlan plan = new FlushPlan();
    try {
      uow.assignIds(rows);
      plan.steps.add(new FlushPlan.Step(FlushPlan.Kind.INSERT, sql(m), sql(m).insertColumns(), rows));
      uow.execute(plan);
    } catch (SQLException | RuntimeException ex) {
      uow.undo();
      RuntimeException failure = ex instanceof SQLException e ? Errors.database(tx.connection(), e, sql(m).insertSql())
          : (RuntimeException) ex;
      tx.fail(failure);
      throw failure;
    }
    List<Object> ids = new ArrayList<>();
    for (EntityEntry e : rows) {
      ids.add(m.id(e.entity));
    }
    touched(new FlushChanges(java.util.Map.of(m.table().qualifiedName(), ids), java.util.Map.of(),
        java.util.Map.of(), java.util.Set.of()));
  }

  @Override
  public BulkUpdate bulkUpdate(Class<?> type) {
    tx.checkUsable();
    return new BulkStatement(this, SessionFactory.mapping(type), false);
  }

  @Override
  public BulkDelete bulkDelete(Class<?> type) {
    tx.checkUsable();
    return new BulkStatement(this, SessionFactory.mapping(type), true);
  }

  EntityMapping<Object> mappingOf(Table table) {
    return factory.mappingOf(table);
  }

  /** After a bulk UPDATE: generated subclasses reload on access, plain objects now. */
  void reloadOrForget(EntityEntry e) {
    if (e.managed) {
      e.expired = true;
    } else if (!reload(e)) {
      map.remove(e);
    }
  }

  <T> T withoutInterception(Supplier<T> work) {
    suppressInterception++;
    try {
      return work.get();
    } finally {
      suppressInterception--;
    }
  }

  // --- flush --------------------------------------------------------------------------------

  @Override
  public void flush() {
    tx.checkUsable();
    if (flushing) {
      return;
    }
    flushing = true;
    suppressInterception++;
    try {
      for (SessionListener l : listeners) {
        l.beforeFlush(this);
      }
      UnitOfWork uow = new UnitOfWork(this);
      FlushPlan plan;
      try {
        plan = planner.plan(map.entries(), uow::assignIds);
      } catch (RuntimeException ex) {
        uow.undo(); // nothing was sent; keep the transaction
        throw ex;
      }
      if (plan.isEmpty()) {
        return;
      }
      try {
        uow.execute(plan);
      } catch (SQLException | RuntimeException | Error ex) {
        uow.undo();
        RuntimeException failure = ex instanceof SQLException sql ? Errors.database(tx.connection(), sql, "flush")
            : ex instanceof RuntimeException r ? r : new OrmException("flush failed", ex);
        tx.fail(failure);
        if (ex instanceof Error err) {
          throw err;
        }
        throw failure;
      }
      stats.flushes++;
      FlushChanges changes = uow.complete();
      touched(changes);
    } finally {
      suppressInterception--;
      flushing = false;
    }
  }

  /** The one place the session learns which rows and tables were written (listeners; later caches). */
  void touched(FlushChanges changes) {
    for (SessionListener l : listeners) {
      l.afterFlush(this, changes);
    }
  }

  void autoflush() {
    if (factory.autoflush() && noAutoflush == 0 && !flushing && !map.isEmpty()) {
      flush();
    }
  }

  void becamePersistent(EntityEntry e) {
    e.state = EntityState.PERSISTENT;
    map.bind(e, new EntityKey(e.mapping.entityType(), e.mapping.id(e.entity)));
    e.snapshot = e.mapping.snapshot(e.entity);
    e.insertedInTransaction = true;
    e.expired = false;
    if (e.entity instanceof ManagedEntity me) {
      me.quarryInterceptor(interceptor);
    }
  }

  void wasUpdated(EntityEntry e) {
    if (e.transactionSnapshot == null) {
      e.transactionSnapshot = e.snapshot;
    }
    e.snapshot = e.mapping.snapshot(e.entity);
    Object id = e.mapping.id(e.entity);
    if (!Objects.equals(id, e.key.id())) {
      map.bind(e, new EntityKey(e.mapping.entityType(), id));
    }
  }

  void wasDeleted(EntityEntry e) {
    if (e.transactionSnapshot == null) {
      e.transactionSnapshot = e.snapshot;
    }
    e.markedDeleted = false;
    e.state = EntityState.DELETED;
    map.forgetKey(e);
  }

  // --- transaction --------------------------------------------------------------------------

  @Override
  public void commit() {
    tx.checkUsable();
    for (SessionListener l : listeners) {
      l.beforeCommit(this);
    }
    flush();
    try {
      tx.commit();
    } catch (RuntimeException failure) {
      tx.fail(failure);
      throw failure;
    }
    for (EntityEntry e : map.entries()) {
      e.insertedInTransaction = false;
      e.idGenerated = false;
      e.transactionSnapshot = null;
      if (e.state == EntityState.DELETED) {
        map.remove(e);
        detach(e);
      } else if (e.state == EntityState.PERSISTENT && factory.expireOnCommit()) {
        e.expired = true;
      }
    }
    for (SessionListener l : listeners) {
      l.afterCommit(this);
    }
  }

  @Override
  public void rollback() {
    RuntimeException failure = null;
    try {
      tx.rollback();
    } catch (RuntimeException ex) {
      failure = ex;
    }
    restoreAfterRollback();
    for (SessionListener l : listeners) {
      l.afterRollback(this);
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * SQLAlchemy's rollback contract: pending objects and objects inserted in the transaction leave
   * the session (their generated ids cleared), deleted ones come back, persistent ones get their
   * database values back (generated subclasses also reload on next access).
   */
  private void restoreAfterRollback() {
    suppressInterception++;
    try {
      List<EntityEntry> entries = map.entries();
      entries.sort(Comparator.comparingLong(e -> e.sequence));
      for (EntityEntry e : entries) {
        if (e.state == EntityState.PENDING || e.insertedInTransaction) {
          map.remove(e);
          if (e.idGenerated) {
            e.mapping.setId(e.entity, null);
          }
          if (e.entity instanceof ManagedEntity me) {
            me.quarryInterceptor(null);
          }
          continue;
        }
        if (e.state == EntityState.DELETED) {
          e.state = EntityState.PERSISTENT;
          map.bind(e, e.key);
        }
        e.markedDeleted = false;
        Object[] values = e.transactionSnapshot != null ? e.transactionSnapshot : e.snapshot;
        if (values != null) {
          int n = values.length;
          for (int c = 0; c < n; c++) {
            e.mapping.set(e.entity, c, values[c]);
          }
          e.snapshot = e.mapping.snapshot(e.entity);
          Object id = e.mapping.id(e.entity);
          if (!Objects.equals(id, e.key.id())) {
            map.bind(e, new EntityKey(e.mapping.entityType(), id));
          }
        }
        e.transactionSnapshot = null;
        e.idGenerated = false;
        e.expired = e.managed || e.expired;
      }
    } finally {
      suppressInterception--;
    }
  }

  @Override
  public void close() {
    try {
      tx.rollback();
    } catch (RuntimeException ignored) {
      // closing gives the connection back even when rollback fails (a broken connection)
    } finally {
      tx.clearFailure();
      for (EntityEntry e : map.entries()) {
        if (e.state == EntityState.PENDING || e.insertedInTransaction) {
          if (e.idGenerated) {
            e.mapping.setId(e.entity, null);
          }
          if (e.entity instanceof ManagedEntity me) {
            me.quarryInterceptor(null);
          }
        } else {
          detach(e);
        }
      }
      map.clear();
    }
  }

  // --- inspection ---------------------------------------------------------------------------

  @Override
  public EntityState state(Object entity) {
    EntityEntry e = map.entryOf(entity);
    if (e != null) {
      return e.state;
    }
    if (entity instanceof ManagedEntity me) {
      return me.quarryInterceptor() instanceof Interceptor ? EntityState.PERSISTENT : EntityState.DETACHED;
    }
    return factory.detached().get(entity) != null ? EntityState.DETACHED : EntityState.TRANSIENT;
  }

  @Override
  public boolean contains(Object entity) {
    EntityEntry e = map.entryOf(entity);
    return e != null && (e.state == EntityState.PENDING || e.state == EntityState.PERSISTENT);
  }

  @Override
  public List<Object> newObjects() {
    List<EntityEntry> pending = new ArrayList<>();
    for (EntityEntry e : map.liveEntries()) {
      if (e.state == EntityState.PENDING) {
        pending.add(e);
      }
    }
    pending.sort(Comparator.comparingLong(e -> e.sequence));
    List<Object> out = new ArrayList<>(pending.size());
    pending.forEach(e -> out.add(e.entity));
    return out;
  }

  @Override
  public List<Object> dirtyObjects() {
    List<Object> out = new ArrayList<>();
    suppressInterception++;
    try {
      for (EntityEntry e : map.liveEntries()) {
        if (e.state == EntityState.PERSISTENT && !e.markedDeleted && e.snapshot != null
            && e.mapping.dirtyColumns(e.entity, e.snapshot).length > 0) {
          out.add(e.entity);
        }
      }
    } finally {
      suppressInterception--;
    }
    return out;
  }

  @Override
  public List<Object> deletedObjects() {
    List<Object> out = new ArrayList<>();
    for (EntityEntry e : map.liveEntries()) {
      if (e.markedDeleted) {
        out.add(e.entity);
      }
    }
    return out;
  }

  @Override
  public boolean isModified() {
    for (EntityEntry e : map.liveEntries()) {
      if (e.state == EntityState.PENDING || e.markedDeleted) {
        return true;
      }
    }
    return !dirtyObjects().isEmpty();
  }

  @Override
  public boolean isActive() {
    return !tx.failed();
  }

  @Override
  public boolean inTransaction() {
    return tx.isOpen();
  }

  @Override
  public void addListener(SessionListener listener) {
    List<SessionListener> copy = new ArrayList<>(listeners);
    copy.add(Objects.requireNonNull(listener, "listener"));
    listeners = copy;
  }

  @Override
  public <T> T withoutAutoflush(Supplier<T> work) {
    noAutoflush++;
    try {
      return work.get();
    } finally {
      noAutoflush--;
    }
  }

  @Override
  public SessionStatistics statistics() {
    return stats;
  }

  @Override
  public SessionFactory factory() {
    return factory;
  }

  // --- internals shared with the planner, unit of work, loader and queries ---------------------

  IdentityMap identityMap() {
    return map;
  }

  EntityLoader loader() {
    return loader;
  }

  SessionTransaction transaction() {
    return tx;
  }

  EntityInterceptor interceptor() {
    return interceptor;
  }

  void suppressInterception(boolean on) {
    suppressInterception += on ? 1 : -1;
  }

  /**
   * The connection for statements about {@code mapping}'s table: the single seam where several
   * databases per session or shards would choose a bind. Opens the transaction on first use.
   */
  SessionConnection connectionFor(EntityMapping<?> mapping) {
    return tx.connection();
  }

  EntitySql sql(EntityMapping<?> mapping) {
    return factory.sql(mapping, factory.vendor());
  }

  /**
   * The next id from the entity's sequence: pooled allocation shared with the generated DAOs of
   * the same database ({@link Sequences}), drawn through this session's transaction.
   */
  Object nextSequenceValue(EntityMapping<Object> m) {
    IdGeneration gen = m.idGeneration();
    SessionConnection conn = connectionFor(m);
    dev.quarry.sql.Column<?> key = m.table().columns().get(m.primaryKeyColumns()[0]);
    long v = Sequences.allocator(factory.engine(), m.table(), gen, key).next(conn.engineConnection());
    return IdNormalizer.normalize(m, v);
  }

  void dispatch(LifecycleEvent event, EntityEntry e) {
    e.mapping.onLifecycle(event, e.entity);
    for (Consumer<Object> c : factory.callbacks(e.mapping.entityType(), event)) {
      c.accept(e.entity);
    }
  }

  void validate(EntityEntry e, int[] columns) {
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

  /** The interceptor of objects loaded by this session: reloads expired state on access. */
  private final class Interceptor implements EntityInterceptor {
    SessionImpl session() {
      return SessionImpl.this;
    }

    @Override
    public void beforeRead(Object entity, int property) {
      if (suppressInterception > 0) {
        return;
      }
      EntityEntry e = map.entryOf(entity);
      if (e != null && e.expired && e.state == EntityState.PERSISTENT && tx.usable()) {
        if (!reload(e)) {
          throw new ObjectDeletedException(e.mapping.entityName(), e.key.id());
        }
      }
    }

    @Override
    public void afterWrite(Object entity, int property) {
      if (suppressInterception > 0) {
        return;
      }
      EntityEntry e = map.entryOf(entity);
      if (e != null && e.expired && e.state == EntityState.PERSISTENT && tx.usable()
          && property < e.mapping.table().columns().size()) {
        // Load the rest of the row first so the snapshot is current, then keep the new value.
        Object written = e.mapping.get(entity, property);
        if (reload(e)) {
          suppressInterception++;
          try {
            e.mapping.set(entity, property, written);
          } finally {
            suppressInterception--;
          }
        }
      }
    }
  }

  /** Held by detached generated subclasses: expired state cannot be loaded any more. */
  static final class DetachedInterceptor implements EntityInterceptor {
    private final EntityMapping<Object> mapping;
    final DetachedRegistry.Detached info;

    DetachedInterceptor(EntityMapping<Object> mapping, DetachedRegistry.Detached info) {
      this.mapping = mapping;
      this.info = info;
    }

    @Override
    public void beforeRead(Object entity, int property) {
      if (info.expired()) {
        throw new DetachedInstanceException(mapping.entityName(), info.key().id(),
            "reading expired property " + (property < mapping.table().columns().size()
                ? mapping.propertyName(property) : "#" + property));
      }
    }

    @Override
    public void afterWrite(Object entity, int property) {}
  }
}
