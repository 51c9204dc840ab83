package dev.quarry.orm;

import dev.quarry.engine.Executable;
import dev.quarry.spi.EntityTable;
import dev.quarry.sql.SelectItem;
import dev.quarry.sql.Table;
import java.util.Collection;
import java.util.List;

/**
 * A unit of work over one database transaction (SQLAlchemy's {@code Session}): tracks objects in
 * an identity map (one row, one object), writes their changes on {@link #flush()} in foreign-key
 * order with JDBC batches, and commits or rolls back.
 *
 * <p>A session is not thread-safe; use one per thread or request ({@link ScopedSession}). It takes a
 * connection when it first needs the database and gives it back on commit, rollback and close.
 *
 * <p>Failure contract: when a flush fails, the database transaction is rolled back and the
 * session refuses further work with a {@link PendingRollbackException} carrying the cause until
 * {@link #rollback()} is called. After rollback, pending objects are expunged, objects inserted
 * in the transaction become transient again (generated ids cleared), and persistent objects hold
 * their database values again.
 */
public interface Session extends AutoCloseable {
  /** Makes a transient object pending (INSERTed at the next flush), or re-attaches a detached one. */
  void add(Object entity);

  /** {@link #add} for each object, in order. */
  void addAll(Collection<?> entities);

  /**
   * The object of {@code type} with primary key {@code id} (the single id value, or the
   * composite-key record), or null. Returns the object already in the identity map without any
   * SQL when there is one (and it is not expired).
   */
  <E> E get(Class<E> type, Object id);

  /** Marks a persistent object for deletion; its DELETE is sent at the next flush. */
  void delete(Object entity);

  /**
   * Copies the state of a detached or transient object onto the persistent object with the same
   * id (loading it if needed), or onto a new pending object when the row does not exist; returns
   * that session-bound object. The argument itself stays unattached.
   *
   * <p>A versioned entity's version is checked: merging onto an existing row needs the version
   * the object was read with, and a different or missing one is a {@link StaleDataException}
   * (another transaction changed the row, or the object never came from it). A new row gets the
   * initial version whatever the object holds. To overwrite a row without knowing its version,
   * use {@link #mergeUnversioned}.
   *
   * @throws StaleDataException when the object's version is not the row's
   */
  <E> E merge(E entity);

  /**
   * {@link #merge}, except that an object without a version (null) overwrites the existing row
   * whatever its version: the caller accepts losing a concurrent change. A version the object
   * does hold is still checked.
   */
  <E> E mergeUnversioned(E entity);

  /**
   * Reloads the object's columns from the database now, discarding unflushed changes. Its loaded
   * relationships load again on access; an object made with {@code new}, whose getters nothing
   * intercepts, has the collections it holds loaded again at once.
   */
  void refresh(Object entity);

  /**
   * Loads the relationship {@code path} of the persistent object {@code entity} now, with one
   * statement, whatever its loading strategy (SQLAlchemy's explicit load); nothing when it is loaded
   * already. What a session that never loads implicitly ({@link SessionFactory.Builder#implicitLoads})
   * calls before touching a relationship.
   */
  void load(Object entity, RelationPath<?, ?> path);

  /**
   * Marks the object's loaded state stale: objects the session loaded reload on the next
   * property read; plain objects reload when the session next returns them.
   */
  void expire(Object entity);

  /** {@link #expire} for every object in the session. */
  void expireAll();

  /** Removes the object from the session (it becomes detached, or transient if it was pending). */
  void expunge(Object entity);

  /** Removes every object from the session. */
  void expungeAll();

  /** Writes pending INSERTs, UPDATEs and DELETEs to the database inside the transaction. */
  void flush();

  /**
   * Flushes, commits the transaction and, with {@code expireOnCommit}, expires every object.
   *
   * @throws dev.quarry.engine.CommitOutcomeUnknownException when the connection was lost after
   *     COMMIT was sent: the writes may or may not be in the database. Every object then leaves the
   *     session detached with its id (objects inserted in the transaction too), and the session
   *     needs {@link #rollback()}; to retry, {@link #merge} each object, which updates its row if
   *     the commit landed and inserts it if not, then commit again
   */
  void commit();

  /** Rolls the transaction back and restores objects as described in the class comment. */
  void rollback();

  /** Rolls back any open transaction, gives the connection back, and detaches every object. */
  @Override
  void close();

  /** The object's state relative to this session. */
  EntityState state(Object entity);

  /** Whether the object is pending or persistent in this session. */
  boolean contains(Object entity);

  /** Pending objects (added, not yet flushed), in the order they were added. */
  List<Object> newObjects();

  /** Persistent objects whose column values differ from what was last loaded or flushed. */
  List<Object> dirtyObjects();

  /** Objects marked for deletion and not yet flushed. */
  List<Object> deletedObjects();

  /** Whether the session has unflushed changes. */
  boolean isModified();

  /** False after a failed flush, until {@link #rollback()}. */
  boolean isActive();

  /** Whether a database transaction is open. */
  boolean inTransaction();

  // --- queries -------------------------------------------------------------------------------

  /** A query over every object of {@code type}, to refine with where/filterBy/orderBy/limit. */
  <E> EntityQuery<E> select(Class<E> type);

  /**
   * A query of the objects related to {@code owner} through {@code path}, scoped to it (SQLAlchemy's
   * {@code lazy="dynamic"}): filter, order, limit and count a large collection without loading it,
   * e.g. {@code session.related(user, QUser.user.orders).where(QOrder.order.total.gt(100)).count()}.
   */
  <S, T> EntityQuery<T> related(S owner, RelationPath<S, T> path);

  /** A query over the entity of a generated metamodel ({@code session.select(QUser.user)}). */
  <E, T extends Table & EntityTable<E>> EntityQuery<E> select(T table);

  /** A query over {@code type} through an alias of its table ({@code QUser.user.as("u2")}). */
  <E> EntityQuery<E> select(Class<E> type, Table alias);

  /** A query of entities and columns together: {@code select(QUser.user, QOrder.order.total)}. */
  TupleQuery select(SelectItem... items);

  /**
   * Runs a statement written by hand ({@code Sql.text("SELECT * FROM users WHERE ...")}) and maps
   * its rows to {@code type} by column label (SQLAlchemy's {@code from_statement}); every mapped
   * column must be in the result. Objects come from the identity map as with any query.
   */
  <E> List<E> fromStatement(Class<E> type, Executable statement);

  /**
   * Runs a Core statement (select, insert, update, delete, {@code text}) in the session's
   * transaction, after autoflush; returns the engine's result (close it).
   *
   * <p>An UPDATE, DELETE or updating upsert of a mapped table keeps the session's objects right:
   * every loaded object stored in that table is expired (it reads its row again on next access, or
   * when the session hands it out; a deleted row then reads as gone), and loaded collections whose
   * membership lives there load again. A {@code text} statement names no table the session can
   * read: after one that writes mapped rows, call {@link #expireAll()}. So do statements run on
   * {@link #connection()} directly.
   */
  dev.quarry.engine.Result execute(Executable statement);

  /** The engine connection of the session's transaction (begun if needed), for Core work alongside the ORM. */
  dev.quarry.engine.Connection connection();

  // --- bulk operations ----------------------------------------------------------------------

  /**
   * Inserts many objects with JDBC batches, bypassing the unit of work (the objects do not join
   * the session; generated keys are written back where the database returns them for batches).
   * Pending changes are flushed first.
   */
  <E> void bulkInsert(Class<E> type, List<? extends E> objects);

  /**
   * {@link #bulkInsert} from property maps (SQLAlchemy's {@code bulk_insert_mappings}): each map
   * gives property (or column) names and values; unknown names are rejected.
   */
  <E> void bulkInsertMappings(Class<E> type, List<? extends java.util.Map<String, ?>> rows);

  /** An UPDATE of every row matching a condition, keeping the identity map consistent. */
  BulkUpdate bulkUpdate(Class<?> type);

  /** A DELETE of every row matching a condition, keeping the identity map consistent. */
  BulkDelete bulkDelete(Class<?> type);

  /** Adds session events for this session only. */
  void addListener(SessionListener listener);

  /** Runs {@code work} with autoflush off (queries inside it do not flush first). */
  <T> T withoutAutoflush(java.util.function.Supplier<T> work);

  /** Counters of this session (statements executed, identity-map size). */
  SessionStatistics statistics();

  /** The factory that made this session. */
  SessionFactory factory();
}
