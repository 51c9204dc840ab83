package dev.quarry.orm;

import dev.quarry.engine.Executable;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.spi.EntityTable;
import dev.quarry.spi.ManagedEntity;
import dev.quarry.sql.SelectItem;
import dev.quarry.sql.Table;
import java.util.ArrayList;
import java.util.Collection;
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
    DetachedRegistry.Detached detached = ObjectStates.detachedInfo(this, entity);
    EntityEntry e = new EntityEntry(entity, m, map.nextSequence());
    if (detached != null && detached.snapshot() == null) {
      throw new ObjectStateException("cannot add " + m.entityName() + " with id " + detached.key().id()
          + ": it comes from an untracked query, so the session does not know what its row holds; use "
          + "session.merge(object), which loads the row and copies this object's columns onto the session's own");
    }
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
      attach(e);
    } else {
      e.state = EntityState.PENDING;
    }
    map.track(e);
    RelationSync.cascadeAdd(this, e);
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
    EntityKey key = new EntityKey(m.identityType(), IdNormalizer.normalize(m, id));
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
      return instanceOf(type, e.entity);
    }
    autoflush();
    return instanceOf(type, LoadPipeline.byId(this, m, key.id()));
  }

  /** {@code found} as a {@code type}, or null when it is another class of the same hierarchy. */
  private static <E> E instanceOf(Class<E> type, Object found) {
    return type.isInstance(found) ? type.cast(found) : null;
  }

  @Override
  public <S, T> EntityQuery<T> related(S owner, RelationPath<S, T> path) {
    Objects.requireNonNull(owner, "owner");
    return RelationJoins.scoped(this, owner, path);
  }

  /** Reloads an entry from its row; false when the row is gone. */
  boolean reload(EntityEntry e) {
    return loader.reload(e);
  }

  @Override
  public void delete(Object entity) {
    tx.checkUsable();
    EntityEntry e = map.entryOf(entity);
    if (e == null) {
      DetachedRegistry.Detached detached = ObjectStates.detachedInfo(this, entity);
      if (detached == null) {
        throw new ObjectStateException("cannot delete a transient " + SessionFactory.mapping(entity.getClass())
            .entityName() + ": it was never saved (nothing to delete)");
      }
      if (detached.snapshot() == null) {
        ObjectStates.deleteUntracked(this, entity, detached.key().id());
        return;
      }
      add(entity); // re-attach a detached object, then mark it
      e = map.entryOf(entity);
    }
    if (e.state == EntityState.PENDING) {
      throw new ObjectStateException("cannot delete a pending " + e.mapping.entityName()
          + ": it is not persisted yet; use session.expunge(object) to drop it instead");
    }
    if (e.state == EntityState.PERSISTENT && !e.markedDeleted) {
      RelationSync.cascadeDelete(this, e); // loads what it must before the owner is marked (autoflush)
      e.markedDeleted = true;
      map.watch(e);
    }
  }

  @Override
  public <E> E merge(E entity) {
    return merge(entity, true);
  }

  @Override
  public <E> E mergeUnversioned(E entity) {
    return merge(entity, false);
  }

  private <E> E merge(E entity, boolean versionRequired) {
    tx.checkUsable();
    if (map.entryOf(entity) != null) {
      return entity;
    }
    EntityMapping<Object> m = SessionFactory.mapping(entity.getClass());
    Object id = m.id(entity);
    Object target = id == null ? null : get(m.entityType(), id);
    if (target == null) {
      target = m.newInstance();
      ObjectStates.copyColumns(m, entity, target, true); // a new row's version is the library's, set at flush
      add(target);
    } else {
      int version = m.versionColumn();
      if (version >= 0) {
        Object mine = m.get(entity, version);
        Object theirs = m.get(target, version);
        if (mine == null ? versionRequired : !mine.equals(theirs)) {
          throw new StaleDataException(m.entityName(), m.table().qualifiedName(), id, "merge", mine);
        }
      }
      ObjectStates.copyColumns(m, entity, target, false);
      map.watch(map.entryOf(target));
    }
    @SuppressWarnings("unchecked")
    E result = (E) target;
    return result;
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
    ObjectStates.detach(this, e);
  }

  @Override
  public void expungeAll() {
    for (EntityEntry e : map.entries()) {
      ObjectStates.detach(this, e);
    }
    map.clear();
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
    // A user's statement may write (a function, RETURNING): the session must not commit it on close.
    connectionFor(m).markWritten();
    return QueryRunner.list(this, m, statement, loader.byLabels(m, type));
  }

  @Override
  public dev.quarry.engine.Result execute(Executable statement) {
    tx.checkUsable();
    autoflush();
    dev.quarry.engine.Result result = connectionFor(null).engineConnection().execute(statement);
    if (statement instanceof dev.quarry.sql.DataChange change && change.changesExistingRows()) {
      ObjectStates.rowsChangedOutside(this, change.table());
    }
    return result;
  }

  @Override
  public dev.quarry.engine.Connection connection() {
    return connectionFor(null).engineConnection();
  }

  @Override
  public <E> void bulkInsert(Class<E> type, List<? extends E> objects) {
    tx.checkUsable();
    flush();
    BulkStatement.insert(this, SessionFactory.mapping(type), objects);
  }

  @Override
  public <E> void bulkInsertMappings(Class<E> type, List<? extends java.util.Map<String, ?>> rows) {
    EntityMapping<Object> m = SessionFactory.mapping(type);
    List<Object> objects = new ArrayList<>(rows.size());
    for (java.util.Map<String, ?> row : rows) {
      Object o = m.newInstance();
      for (java.util.Map.Entry<String, ?> v : row.entrySet()) {
        dev.quarry.sql.Column<?> c = Properties.column(m, m.table(), v.getKey());
        m.set(o, c.index(), c.type().cast(v.getValue()));
      }
      objects.add(o);
    }
    tx.checkUsable();
    flush();
    BulkStatement.insert(this, m, objects);
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
    flush(true);
  }

  /**
   * Writes what changed. {@code everything}: compare every tracked object with its snapshot (an
   * explicit flush, commit); else only the entries that may hold a change (autoflush before a query,
   * whose cost must not grow with the objects a session holds: {@link IdentityMap#watchedEntries}).
   */
  private void flush(boolean everything) {
    tx.checkUsable();
    if (flushing) {
      return;
    }
    flushing = true;
    suppressInterception++;
    List<SelfReferences.PostUpdate> postUpdates = List.of();
    try {
      for (SessionListener l : listeners) {
        l.beforeFlush(this);
      }
      Associations associations = RelationSync.beforeFlush(this, everything ? map.entries() : map.watchedCopy());
      UnitOfWork uow = new UnitOfWork(this);
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
        associations.deleteRowsOfDeleted(this);
        uow.execute(plan);
        associations.write(this);
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
      stats.flushes++;
      map.settle();
      FlushChanges changes = uow.complete();
      touched(changes);
      postUpdates = plan.postUpdates;
    } finally {
      suppressInterception--;
      flushing = false;
    }
    if (!postUpdates.isEmpty()) {
      // the references cleared to break a cycle of new rows: setting them makes their rows dirty
      postUpdates.forEach(SelfReferences.PostUpdate::restore);
      flush();
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
      flush(false);
    }
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
    } catch (dev.quarry.engine.CommitOutcomeUnknownException unknown) {
      tx.fail(unknown);
      ObjectStates.afterCommitOutcomeUnknown(this);
      throw unknown;
    } catch (RuntimeException failure) {
      tx.fail(failure);
      throw failure;
    }
    ObjectStates.afterCommit(this);
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
    ObjectStates.afterRollback(this);
    for (SessionListener l : listeners) {
      l.afterRollback(this);
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    try {
      tx.close();
    } catch (RuntimeException ignored) {
      // closing gives the connection back even when ending the transaction fails (a broken connection)
    } finally {
      tx.clearFailure();
      ObjectStates.afterClose(this);
    }
  }

  // --- inspection ---------------------------------------------------------------------------

  @Override
  public EntityState state(Object entity) {
    return ObjectStates.stateOf(this, entity);
  }

  @Override
  public boolean contains(Object entity) {
    EntityEntry e = map.entryOf(entity);
    return e != null && (e.state == EntityState.PENDING || e.state == EntityState.PERSISTENT);
  }

  @Override
  public List<Object> newObjects() {
    return ObjectStates.pending(this);
  }

  @Override
  public List<Object> dirtyObjects() {
    return ObjectStates.dirty(this);
  }

  @Override
  public List<Object> deletedObjects() {
    return ObjectStates.markedDeleted(this);
  }

  @Override
  public boolean isModified() {
    return ObjectStates.modified(this);
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

  /** Points a generated subclass instance's accessors at this session: its entry intercepts them. */
  void attach(EntityEntry e) {
    if (e.entity instanceof ManagedEntity me) {
      e.session = this;
      e.detached = false;
      me.quarryInterceptor(e);
    }
  }

  void suppressInterception(boolean on) {
    suppressInterception += on ? 1 : -1;
  }

  boolean interceptionSuppressed() {
    return suppressInterception > 0;
  }

  /**
   * The connection for statements about {@code mapping}'s table: the single seam where several
   * databases per session or shards would choose a bind. Opens the transaction on first use.
   */
  SessionConnection connectionFor(EntityMapping<?> mapping) {
    return tx.connection();
  }

  Persister persister(EntityMapping<?> mapping) {
    return factory.persister(mapping, factory.vendor());
  }

  void dispatch(LifecycleEvent event, EntityEntry e) {
    dispatch(event, e.mapping, e.entity);
  }

  void dispatch(LifecycleEvent event, EntityMapping<Object> mapping, Object entity) {
    mapping.onLifecycle(event, entity);
    List<Consumer<Object>> callbacks = factory.callbacks(mapping.entityType(), event);
    for (int i = 0; i < callbacks.size(); i++) { // indexed: called per loaded row, usually with none
      callbacks.get(i).accept(entity);
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
}
