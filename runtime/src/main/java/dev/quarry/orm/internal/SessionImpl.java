package dev.quarry.orm.internal;

import dev.quarry.engine.Executable;
import dev.quarry.orm.BulkDelete;
import dev.quarry.orm.BulkUpdate;
import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.EntityState;
import dev.quarry.orm.RelationPath;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.SessionListener;
import dev.quarry.orm.SessionStatistics;
import dev.quarry.orm.StaleDataException;
import dev.quarry.orm.TupleQuery;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.EntityTable;
import dev.quarry.sql.SelectItem;
import dev.quarry.sql.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link Session} facade: argument checks and the public API, delegating to the session's
 * {@link SessionState} (objects and their transitions), {@link SessionFlush} and
 * {@link SessionTransaction}. Nothing inside the session calls back into it.
 */
final class SessionImpl implements Session {
  private final FactoryState factory;
  private final SessionState state;
  private final SessionTransaction tx;
  private final SessionFlush flush;
  private boolean closeReported;

  SessionImpl(FactoryState factory) {
    this.factory = factory;
    this.state = new SessionState(this, factory);
    this.tx = state.transaction();
    this.flush = state.flusher();
  }

  // --- adding, getting, deleting ------------------------------------------------------------

  @Override
  public void add(Object entity) {
    state.add(entity);
  }

  @Override
  public void addAll(Collection<?> entities) {
    for (Object o : entities) {
      add(o);
    }
  }

  @Override
  public <E> E get(Class<E> type, Object id) {
    return state.get(type, id);
  }

  @Override
  public <S, T> EntityQuery<T> related(S owner, RelationPath<S, T> path) {
    Objects.requireNonNull(owner, "owner");
    return RelationJoins.scoped(state, owner, path);
  }

  @Override
  public void delete(Object entity) {
    state.delete(entity);
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
    IdentityMap map = state.identityMap();
    if (map.entryOf(entity) != null) {
      return entity;
    }
    EntityMapping<Object> m = FactoryState.mapping(entity.getClass());
    Object id = m.id(entity);
    Object target = id == null ? null : state.get(m.entityType(), id);
    if (target == null) {
      target = m.newInstance();
      copyColumns(m, entity, target, true); // a new row's version is the library's, set at flush
      state.add(target);
    } else {
      int version = m.versionColumn();
      if (version >= 0) {
        Object mine = m.get(entity, version);
        Object theirs = m.get(target, version);
        if (mine == null ? versionRequired : !mine.equals(theirs)) {
          throw new StaleDataException(m.entityName(), m.table().qualifiedName(), id, "merge", mine);
        }
      }
      copyColumns(m, entity, target, false);
      map.watch(map.entryOf(target));
    }
    @SuppressWarnings("unchecked")
    E result = (E) target;
    return result;
  }

  /**
   * Copies the column values of {@code from} onto {@code to} (merge), with or without the key
   * columns; never the version, which is the row's (checked by merge) or, for a new row, the library's.
   */
  private static void copyColumns(EntityMapping<Object> m, Object from, Object to, boolean withKey) {
    int n = m.table().columns().size();
    int[] pk = m.primaryKeyColumns();
    for (int c = 0; c < n; c++) {
      if (c == m.versionColumn()) {
        continue;
      }
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
    state.refresh(entity);
  }

  @Override
  public void load(Object entity, RelationPath<?, ?> path) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(path, "path");
    state.loadRelation(entity, path);
  }

  @Override
  public void expire(Object entity) {
    state.expire(entity);
  }

  @Override
  public void expireAll() {
    state.expireAll();
  }

  @Override
  public void expunge(Object entity) {
    state.expunge(entity);
  }

  @Override
  public void expungeAll() {
    state.expungeAll();
  }

  // --- queries and bulk statements -----------------------------------------------------------

  @Override
  public <E> EntityQuery<E> select(Class<E> type) {
    EntityMapping<Object> m = FactoryState.mapping(type);
    return new EntityQueryImpl<>(state, m, type, m.table());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <E, T extends Table & EntityTable<E>> EntityQuery<E> select(T table) {
    EntityMapping<Object> m = factory.mappingOf(table);
    return new EntityQueryImpl<>(state, m, (Class<E>) m.entityType(), table);
  }

  @Override
  public <E> EntityQuery<E> select(Class<E> type, Table alias) {
    EntityMapping<Object> m = FactoryState.mapping(type);
    if (!m.table().sameTableAs(alias)) {
      throw new IllegalArgumentException(alias + " is not an alias of " + m.table() + ", the table of "
          + m.entityName());
    }
    return new EntityQueryImpl<>(state, m, type, alias);
  }

  @Override
  public TupleQuery select(SelectItem... items) {
    if (items.length == 1 && items[0] instanceof Table t) {
      // A metamodel that does not declare its entity type: still a tuple of one entity.
      factory.mappingOf(t);
    }
    return new TupleQueryImpl(state, items);
  }

  @Override
  public <E> List<E> fromStatement(Class<E> type, Executable statement) {
    EntityMapping<Object> m = FactoryState.mapping(type);
    // A user's statement may write (a function, RETURNING): the session must not commit it on close.
    tx.connectionFor(m).markWritten();
    return QueryRunner.list(state, m, statement, state.loader().byLabels(m, type));
  }

  @Override
  public dev.quarry.engine.Result execute(Executable statement) {
    tx.checkUsable();
    flush.autoflush();
    dev.quarry.engine.Result result = tx.connectionFor(statement).execute(statement);
    SessionCache cache = state.cache();
    if (cache != null) {
      cache.statementWrote(statement.writes()); // the engine invalidates them when the transaction commits
    }
    if (statement instanceof dev.quarry.sql.DataChange change && change.changesExistingRows()) {
      state.rowsChangedOutside(change.table());
    }
    return result;
  }

  @Override
  public dev.quarry.engine.Connection connection() {
    return tx.connectionFor((EntityMapping<?>) null).engineConnection();
  }

  @Override
  public <E> void bulkInsert(Class<E> type, List<? extends E> objects) {
    tx.checkUsable();
    flush.flush();
    BulkStatement.insert(state, FactoryState.mapping(type), objects);
  }

  @Override
  public <E> void bulkInsertMappings(Class<E> type, List<? extends java.util.Map<String, ?>> rows) {
    EntityMapping<Object> m = FactoryState.mapping(type);
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
    flush.flush();
    BulkStatement.insert(state, m, objects);
  }

  @Override
  public BulkUpdate bulkUpdate(Class<?> type) {
    tx.checkUsable();
    return new BulkStatement(state, FactoryState.mapping(type), false);
  }

  @Override
  public BulkDelete bulkDelete(Class<?> type) {
    tx.checkUsable();
    return new BulkStatement(state, FactoryState.mapping(type), true);
  }

  // --- flush and transaction ----------------------------------------------------------------

  @Override
  public void flush() {
    flush.flush();
  }

  @Override
  public void commit() {
    tx.checkUsable();
    for (SessionListener l : flush.listeners()) {
      l.beforeCommit(this);
    }
    flush.flush();
    try {
      tx.commit();
    } catch (dev.quarry.engine.CommitOutcomeUnknownException unknown) {
      tx.fail(unknown);
      state.afterCommitOutcomeUnknown();
      throw unknown;
    } catch (RuntimeException failure) {
      tx.fail(failure);
      throw failure;
    }
    state.afterCommit();
    for (SessionListener l : flush.listeners()) {
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
    state.afterRollback();
    for (SessionListener l : flush.listeners()) {
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
      state.afterClose();
    }
    // once, so that listeners counting open sessions stay exact when close() is called twice
    if (!closeReported) {
      closeReported = true;
      for (SessionListener l : flush.listeners()) {
        l.afterClose(this);
      }
    }
  }

  // --- inspection ---------------------------------------------------------------------------

  @Override
  public EntityState state(Object entity) {
    return state.stateOf(entity);
  }

  @Override
  public boolean contains(Object entity) {
    return state.contains(entity);
  }

  @Override
  public List<Object> newObjects() {
    return state.pending();
  }

  @Override
  public List<Object> dirtyObjects() {
    return state.dirty();
  }

  @Override
  public List<Object> deletedObjects() {
    return state.markedDeleted();
  }

  @Override
  public boolean isModified() {
    return state.modified();
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
    flush.addListener(listener);
  }

  @Override
  public <T> T withoutAutoflush(Supplier<T> work) {
    return flush.withoutAutoflush(work);
  }

  @Override
  public SessionStatistics statistics() {
    return state.stats();
  }

  @Override
  public SessionFactory factory() {
    return factory.factory();
  }
}
