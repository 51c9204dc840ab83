package dev.quarry.spring;

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
import dev.quarry.orm.TupleQuery;
import dev.quarry.spi.EntityTable;
import dev.quarry.sql.SelectItem;
import dev.quarry.sql.Table;
import java.util.Collection;
import java.util.List;

/**
 * The injectable {@link Session} bean: every call goes to the session of the calling thread's
 * Spring transaction ({@link QuarrySessions#current()}), so one singleton serves every thread, as
 * Spring's shared {@code EntityManager} does. {@link #commit()} flushes and expires (Spring commits
 * the connection); {@link #rollback()} makes the Spring transaction roll back at its end.
 */
final class SharedSession implements Session {
  private final QuarrySessions sessions;

  SharedSession(QuarrySessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void add(Object entity) {
    sessions.current().add(entity);
  }

  @Override
  public void addAll(Collection<?> entities) {
    sessions.current().addAll(entities);
  }

  @Override
  public <E> E get(Class<E> type, Object id) {
    return sessions.current().get(type, id);
  }

  @Override
  public void delete(Object entity) {
    sessions.current().delete(entity);
  }

  @Override
  public <E> E merge(E entity) {
    return sessions.current().merge(entity);
  }

  @Override
  public <E> E mergeUnversioned(E entity) {
    return sessions.current().mergeUnversioned(entity);
  }

  @Override
  public void refresh(Object entity) {
    sessions.current().refresh(entity);
  }

  @Override
  public void load(Object entity, dev.quarry.orm.RelationPath<?, ?> path) {
    sessions.current().load(entity, path);
  }

  @Override
  public void expire(Object entity) {
    sessions.current().expire(entity);
  }

  @Override
  public void expireAll() {
    sessions.current().expireAll();
  }

  @Override
  public void expunge(Object entity) {
    sessions.current().expunge(entity);
  }

  @Override
  public void expungeAll() {
    sessions.current().expungeAll();
  }

  @Override
  public void flush() {
    sessions.current().flush();
  }

  @Override
  public void commit() {
    sessions.current().commit();
  }

  @Override
  public void rollback() {
    sessions.current().rollback();
  }

  /** Refused: Spring closes the transaction's session when the transaction completes. */
  @Override
  public void close() {
    throw new IllegalStateException("the shared Quarry session is closed by Spring when its transaction completes; "
        + "open a session of your own with SessionFactory.openSession() to close it yourself");
  }

  @Override
  public EntityState state(Object entity) {
    return sessions.current().state(entity);
  }

  @Override
  public boolean contains(Object entity) {
    return sessions.current().contains(entity);
  }

  @Override
  public List<Object> newObjects() {
    return sessions.current().newObjects();
  }

  @Override
  public List<Object> dirtyObjects() {
    return sessions.current().dirtyObjects();
  }

  @Override
  public List<Object> deletedObjects() {
    return sessions.current().deletedObjects();
  }

  @Override
  public boolean isModified() {
    return sessions.current().isModified();
  }

  @Override
  public boolean isActive() {
    return sessions.current().isActive();
  }

  @Override
  public boolean inTransaction() {
    return sessions.current().inTransaction();
  }

  @Override
  public <E> EntityQuery<E> select(Class<E> type) {
    return sessions.current().select(type);
  }

  @Override
  public <S, T> EntityQuery<T> related(S owner, RelationPath<S, T> path) {
    return sessions.current().related(owner, path);
  }

  @Override
  public <E, T extends Table & EntityTable<E>> EntityQuery<E> select(T table) {
    return sessions.current().select(table);
  }

  @Override
  public <E> EntityQuery<E> select(Class<E> type, Table alias) {
    return sessions.current().select(type, alias);
  }

  @Override
  public TupleQuery select(SelectItem... items) {
    return sessions.current().select(items);
  }

  @Override
  public <E> List<E> fromStatement(Class<E> type, Executable statement) {
    return sessions.current().fromStatement(type, statement);
  }

  @Override
  public dev.quarry.engine.Result execute(Executable statement) {
    return sessions.current().execute(statement);
  }

  @Override
  public dev.quarry.engine.Connection connection() {
    return sessions.current().connection();
  }

  @Override
  public <E> void bulkInsert(Class<E> type, List<? extends E> objects) {
    sessions.current().bulkInsert(type, objects);
  }

  @Override
  public <E> void bulkInsertMappings(Class<E> type, List<? extends java.util.Map<String, ?>> rows) {
    sessions.current().bulkInsertMappings(type, rows);
  }

  @Override
  public BulkUpdate bulkUpdate(Class<?> type) {
    return sessions.current().bulkUpdate(type);
  }

  @Override
  public BulkDelete bulkDelete(Class<?> type) {
    return sessions.current().bulkDelete(type);
  }

  @Override
  public void addListener(SessionListener listener) {
    sessions.current().addListener(listener);
  }

  @Override
  public <T> T withoutAutoflush(java.util.function.Supplier<T> work) {
    return sessions.current().withoutAutoflush(work);
  }

  @Override
  public SessionStatistics statistics() {
    return sessions.current().statistics();
  }

  @Override
  public SessionFactory factory() {
    return sessions.current().factory();
  }
  @Override
  public String toString() {
    return "Shared Quarry session (the current Spring transaction's)";
  }
}
