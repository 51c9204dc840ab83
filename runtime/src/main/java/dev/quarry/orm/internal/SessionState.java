package dev.quarry.orm.internal;

import dev.quarry.orm.EntityState;
import dev.quarry.orm.ObjectDeletedException;
import dev.quarry.orm.ObjectStateException;
import dev.quarry.orm.Session;

import dev.quarry.orm.StaleDataException;
import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.spi.ManagedEntity;
import dev.quarry.sql.Table;
import dev.quarry.sql.internal.Dialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session's tracked objects and every transition of their state: the one owner of the identity
 * map and its entries (SQLAlchemy's {@code Session} bookkeeping and {@code state.py} transitions).
 *
 * <p>It is what the session's helpers are handed instead of the {@link Session} facade: the
 * loaders, the flush ({@link SessionFlush}, {@link FlushPlanner}, {@link UnitOfWork}),
 * relationship sync, bulk statements and queries read and change objects through it, and reach
 * the database only through {@link SessionTransaction#connectionFor}. Cascades call its
 * {@link #add} and {@link #delete}, never the facade's.
 */
final class SessionState {
  private final FactoryState factory;
  private final IdentityMap map = new IdentityMap();
  private final SessionStats stats = new SessionStats(map);
  private final SessionTransaction tx;
  private final EntityLoader loader = new EntityLoader(this);
  private final SessionFlush flush;
  /** The session's side of the second-level and query caches; null when the factory has none. */
  private final SessionCache cache;
  /** While above 0, generated subclasses' accessors are not intercepted (the session reads and writes them itself). */
  private int suppressInterception;

  /** {@code session}: the facade, only handed to listeners by the flush. */
  SessionState(Session session, FactoryState factory) {
    this.factory = factory;
    this.cache = factory.cache() == null ? null : new SessionCache(factory.cache(), this);
    this.tx = new SessionTransaction(factory, stats, cache);
    this.flush = new SessionFlush(session, this, factory);
  }

  /** The session's side of the caches, or null when the factory caches nothing. */
  SessionCache cache() {
    return cache;
  }

  IdentityMap identityMap() {
    return map;
  }

  EntityLoader loader() {
    return loader;
  }

  SessionTransaction transaction() {
    return tx;
  }

  SessionFlush flusher() {
    return flush;
  }

  SessionStats stats() {
    return stats;
  }

  FactoryState factory() {
    return factory;
  }

  EntityMapping<Object> mappingOf(Table table) {
    return factory.mappingOf(table);
  }

  Persister persister(EntityMapping<?> mapping) {
    return factory.persister(mapping, Dialect.of(factory.engineOf(mapping)));
  }

  // --- adding, getting, deleting (the facade's operations, also what cascades call) -------------

  /** Makes a transient object pending or re-attaches a detached one, cascading save-update. */
  void add(Object entity) {
    Objects.requireNonNull(entity, "entity");
    tx.checkUsable();
    if (map.entryOf(entity) != null) {
      return;
    }
    EntityMapping<Object> m = FactoryState.mapping(entity.getClass());
    DetachedRegistry.Detached detached = detachedInfo(entity);
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

  /** The object of the row with {@code id} ({@code type} or a subclass), loading it if needed; null when none. */
  <E> E get(Class<E> type, Object id) {
    Objects.requireNonNull(id, "id");
    tx.checkUsable();
    EntityMapping<Object> m = FactoryState.mapping(type);
    EntityKey key = new EntityKey(m.identityType(), IdNormalizer.normalize(m, id));
    EntityEntry e = map.get(key);
    if (e != null) {
      if (e.markedDeleted || e.state == EntityState.DELETED) {
        return null;
      }
      if (e.expired) {
        flush.autoflush();
        if (!reload(e)) {
          return null;
        }
      }
      return instanceOf(type, e.entity);
    }
    flush.autoflush();
    if (cache != null) {
      Object cached = cache.get(m, key.id());
      if (cached != null) {
        return instanceOf(type, cached);
      }
    }
    return instanceOf(type, LoadPipeline.byId(this, m, key.id()));
  }

  /** {@code found} as a {@code type}, or null when it is another class of the same hierarchy. */
  private static <E> E instanceOf(Class<E> type, Object found) {
    return type.isInstance(found) ? type.cast(found) : null;
  }

  /** Marks a persistent object (re-attaching a detached one) for DELETE at the next flush, cascading delete. */
  void delete(Object entity) {
    tx.checkUsable();
    EntityEntry e = map.entryOf(entity);
    if (e == null) {
      DetachedRegistry.Detached detached = detachedInfo(entity);
      if (detached == null) {
        throw new ObjectStateException("cannot delete a transient " + FactoryState.mapping(entity.getClass())
            .entityName() + ": it was never saved (nothing to delete)");
      }
      if (detached.snapshot() == null) {
        deleteUntracked(entity, detached.key().id());
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

  /**
   * Deletes the row of an untracked query's object through the session's own object for it (loaded
   * if needed), which is what cascades and the flush work on; a version that differs from the row's
   * is stale, as in {@code merge}.
   */
  private void deleteUntracked(Object entity, Object id) {
    EntityMapping<Object> m = FactoryState.mapping(entity.getClass());
    Object own = get(m.entityType(), id);
    if (own == null) {
      throw new ObjectDeletedException(m.entityName(), id);
    }
    int version = m.versionColumn();
    if (version >= 0) {
      Object mine = m.get(entity, version);
      if (mine != null && !mine.equals(m.get(own, version))) {
        throw new StaleDataException(m.entityName(), m.table().qualifiedName(), id, "delete", mine);
      }
    }
    delete(own);
  }

  // --- refresh, expire, expunge -----------------------------------------------------------------

  /** {@code Session.load}: relationship {@code path} of a persistent object of this session, loaded now. */
  void loadRelation(Object entity, dev.quarry.orm.RelationPath<?, ?> path) {
    tx.checkUsable();
    EntityEntry e = persistentEntry(entity, "load a relationship of");
    if (!path.source().isInstance(entity)) {
      throw new IllegalArgumentException(path.source().getSimpleName() + "." + path.name() + " is not a relationship of "
          + e.mapping.entityName());
    }
    int r = -1;
    for (int i = 0; i < e.mapping.relationCount(); i++) {
      if (e.mapping.relation(i).name().equals(path.name())) {
        r = i;
      }
    }
    if (r < 0) {
      throw new IllegalArgumentException(e.mapping.entityName() + " has no relationship " + path.name());
    }
    flush.autoflush();
    LoadStrategy.loadNow(this, e, r);
  }

  /** Reloads an entry from its row; false when the row is gone. */
  boolean reload(EntityEntry e) {
    return loader.reload(e);
  }

  void refresh(Object entity) {
    tx.checkUsable();
    EntityEntry e = persistentEntry(entity, "refresh");
    if (!reload(e)) {
      throw new ObjectDeletedException(e.mapping.entityName(), e.key.id());
    }
    loader.refreshCollections(e);
  }

  void expire(Object entity) {
    persistentEntry(entity, "expire").expired = true;
  }

  void expireAll() {
    for (EntityEntry e : map.liveEntries()) {
      if (e.state == EntityState.PERSISTENT) {
        e.expired = true;
      }
    }
  }

  private EntityEntry persistentEntry(Object entity, String operation) {
    EntityEntry e = map.entryOf(entity);
    if (e == null || e.state != EntityState.PERSISTENT) {
      throw new ObjectStateException("cannot " + operation + " " + FactoryState.mapping(entity.getClass())
          .entityName() + ": it is " + (e == null ? stateOf(entity) : e.state).name().toLowerCase()
          + ", not persistent in this session");
    }
    return e;
  }

  void expunge(Object entity) {
    EntityEntry e = map.entryOf(entity);
    if (e == null) {
      throw new ObjectStateException(FactoryState.mapping(entity.getClass()).entityName()
          + " is not in this session (state " + stateOf(entity) + "); nothing to expunge");
    }
    map.remove(e);
    detach(e);
  }

  void expungeAll() {
    for (EntityEntry e : map.entries()) {
      detach(e);
    }
    map.clear();
  }

  // --- what a flush or a statement outside it did ----------------------------------------------

  /** Its INSERT was flushed: persistent under its key, with a snapshot of what was written. */
  void becamePersistent(EntityEntry e) {
    e.state = EntityState.PERSISTENT;
    map.bind(e, new EntityKey(e.mapping.identityType(), e.mapping.id(e.entity)));
    e.snapshot = e.mapping.snapshot(e.entity);
    e.insertedInTransaction = true;
    e.expired = false;
    attach(e);
  }

  /** Its UPDATE was flushed: the snapshot moves forward (the first one of the transaction is kept for rollback). */
  void wasUpdated(EntityEntry e) {
    if (e.transactionSnapshot == null) {
      e.transactionSnapshot = e.snapshot;
    }
    e.snapshot = e.mapping.snapshot(e.entity);
    Object id = e.mapping.id(e.entity);
    if (!Objects.equals(id, e.key.id())) {
      map.bind(e, new EntityKey(e.mapping.identityType(), id));
    }
  }

  /** Its DELETE was flushed (or a bulk DELETE matched it): out of key lookups until commit or rollback. */
  void wasDeleted(EntityEntry e) {
    if (e.transactionSnapshot == null) {
      e.transactionSnapshot = e.snapshot;
    }
    e.markedDeleted = false;
    e.state = EntityState.DELETED;
    map.forgetKey(e);
  }

  /**
   * A bulk UPDATE or DELETE changed {@code e}'s row: deleted, or given the assigned values
   * ({@code evaluated} writes them; null when they are not known in memory), or else generated
   * subclasses reload on access and plain objects now.
   */
  void changedInBulk(EntityEntry e, boolean deleted, Consumer<Object> evaluated) {
    if (e.state != EntityState.PERSISTENT) {
      return;
    }
    if (e.transactionSnapshot == null) {
      e.transactionSnapshot = e.snapshot;
    }
    if (deleted) {
      wasDeleted(e);
    } else if (evaluated != null) {
      withoutInterception(() -> {
        evaluated.accept(e.entity);
        e.snapshot = e.mapping.snapshot(e.entity);
        return null;
      });
    } else if (e.managed) {
      e.expired = true;
    } else if (!reload(e)) {
      map.remove(e);
    }
  }

  /**
   * A statement the session ran outside its unit of work (a Core UPDATE, DELETE or upsert through
   * {@code Session.execute}) changed rows of {@code table}: every persistent object stored in it is
   * expired (generated subclasses reload on access, plain objects when handed out; a deleted row
   * then reads as gone), and every loaded collection whose membership lives in it (an inverse
   * side's foreign key, a many-to-many association table) is unloaded, to load again on access.
   */
  void rowsChangedOutside(Table table) {
    for (EntityEntry e : map.liveEntries()) {
      if (e.state != EntityState.PERSISTENT || e.key == null) {
        continue;
      }
      if (stores(e.mapping, table)) {
        e.expired = true;
      }
      if (!e.hasRelationState()) {
        continue;
      }
      for (int r = 0; r < e.mapping.relationCount(); r++) {
        if (!e.relationLoaded(r) || !e.managed) {
          continue;
        }
        Relationship rel = Relationship.of(e.mapping, r);
        boolean membershipThere = rel.manyToMany() ? rel.joinTable.sameTableAs(table)
            : !rel.owning() && stores(rel.target, table);
        if (membershipThere) {
          e.relationState(r, EntityEntry.UNLOADED);
          if (e.collections != null) {
            e.collections[r] = null;
          }
        }
      }
    }
  }

  /** Whether rows of {@code mapping}'s class keep columns in {@code table} (joined inheritance: any of its tables). */
  private static boolean stores(EntityMapping<Object> mapping, Table table) {
    if (mapping.table().sameTableAs(table)) {
      return true;
    }
    dev.quarry.spi.Polymorphism p = mapping.polymorphism();
    if (p != null && p.joined() != null) {
      for (Table stored : p.joined().tables()) {
        if (stored.sameTableAs(table)) {
          return true;
        }
      }
    }
    return false;
  }

  // --- the end of a transaction, and of the session ---------------------------------------------

  /** After COMMIT: deleted objects leave, the rest are expired when the factory says so. */
  void afterCommit() {
    boolean expire = factory.expireOnCommit();
    for (EntityEntry e : map.entries()) {
      e.insertedInTransaction = false;
      e.idGenerated = false;
      e.transactionSnapshot = null;
      if (e.state == EntityState.DELETED) {
        map.remove(e);
        detach(e);
      } else if (e.state == EntityState.PERSISTENT && expire) {
        e.expired = true;
      }
    }
  }

  /**
   * SQLAlchemy's rollback contract: pending objects and objects inserted in the transaction leave
   * the session (their generated ids cleared), deleted ones come back, persistent ones get their
   * database values back (generated subclasses also reload on next access).
   */
  void afterRollback() {
    withoutInterception(() -> {
      List<EntityEntry> entries = map.entries();
      entries.sort(Comparator.comparingLong(e -> e.sequence));
      for (EntityEntry e : entries) {
        if (e.state == EntityState.PENDING || e.insertedInTransaction) {
          map.remove(e);
          forgetGenerated(e);
          continue;
        }
        if (e.state == EntityState.DELETED) {
          e.state = EntityState.PERSISTENT;
          map.bind(e, e.key);
        }
        e.markedDeleted = false;
        Object[] values = e.transactionSnapshot != null ? e.transactionSnapshot : e.snapshot;
        if (values != null) {
          for (int c = 0; c < values.length; c++) {
            e.mapping.set(e.entity, c, values[c]);
          }
          e.snapshot = e.mapping.snapshot(e.entity);
          Object id = e.mapping.id(e.entity);
          if (!Objects.equals(id, e.key.id())) {
            map.bind(e, new EntityKey(e.mapping.identityType(), id));
          }
        }
        e.transactionSnapshot = null;
        e.idGenerated = false;
        e.expired = e.managed || e.expired;
      }
      return null;
    });
  }

  /**
   * The connection was lost while committing, so whether the transaction's writes are in the
   * database is unknown. Every object leaves the session detached with its id and last flushed
   * values — an object inserted in the transaction is not made transient (its row may exist) — so
   * {@code merge} can retry it: it updates the row if the commit landed and inserts it if not.
   * Objects never flushed become transient.
   */
  void afterCommitOutcomeUnknown() {
    for (EntityEntry e : map.liveEntries()) { // no copy: nothing below changes the map before clear()
      e.insertedInTransaction = false;
      e.idGenerated = false;
      e.transactionSnapshot = null;
      e.markedDeleted = false;
      detach(e);
    }
    map.clear();
  }

  /** At close (after the rollback): objects inserted in the transaction become transient, the rest detached. */
  void afterClose() {
    for (EntityEntry e : map.liveEntries()) { // no copy: nothing below changes the map before clear()
      if (e.state == EntityState.PENDING || e.insertedInTransaction) {
        forgetGenerated(e);
      } else {
        detach(e);
      }
    }
    map.clear();
  }

  private static void forgetGenerated(EntityEntry e) {
    if (e.idGenerated) {
      e.mapping.setId(e.entity, null);
      e.idGenerated = false;
    }
    if (e.entity instanceof ManagedEntity me) {
      me.quarryInterceptor(null);
    }
  }

  // --- attach and detach ------------------------------------------------------------------------

  /** Points a generated subclass instance's accessors at this session: its entry intercepts them. */
  void attach(EntityEntry e) {
    if (e.entity instanceof ManagedEntity me) {
      e.session = this;
      e.detached = false;
      me.quarryInterceptor(e);
    }
  }

  /** Records a departing object as detached (pending objects simply become transient). */
  private void detach(EntityEntry e) {
    if (e.state == EntityState.PENDING || e.key == null) {
      if (e.entity instanceof ManagedEntity me) {
        me.quarryInterceptor(null);
      }
      return;
    }
    if (e.entity instanceof ManagedEntity me) {
      // the entry stays the object's interceptor, answering as a detached object's; it lets go of the
      // session, so a detached object kept for long (a cache) does not keep the closed session alive
      e.detached = true;
      e.session = null;
      if (me.quarryInterceptor() != e) {
        me.quarryInterceptor(e);
      }
    } else {
      factory.detached().put(e.entity, new DetachedRegistry.Detached(e.key, e.snapshot, e.expired));
    }
  }

  /** What the object had when it left a session, or null for a transient object. */
  DetachedRegistry.Detached detachedInfo(Object entity) {
    if (entity instanceof ManagedEntity me) {
      EntityInterceptor i = me.quarryInterceptor();
      if (i instanceof EntityEntry d && d.detached) {
        return d.detachedInfo();
      }
      if (i instanceof SharedInterceptor leaf) { // an untracked query's collection element: no snapshot either
        return new DetachedRegistry.Detached(new EntityKey(leaf.mapping.identityType(), leaf.mapping.id(entity)),
            null, false);
      }
      if (i instanceof EntityEntry own && own.session != this) {
        throw new ObjectStateException(FactoryState.mapping(entity.getClass()).entityName()
            + " is attached to another open session; expunge it there or use session.merge(object)");
      }
      return null;
    }
    return factory.detached().get(entity);
  }

  // --- interception and lifecycle events --------------------------------------------------------

  void suppressInterception(boolean on) {
    suppressInterception += on ? 1 : -1;
  }

  boolean interceptionSuppressed() {
    return suppressInterception > 0;
  }

  <T> T withoutInterception(Supplier<T> work) {
    suppressInterception++;
    try {
      return work.get();
    } finally {
      suppressInterception--;
    }
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

  // --- inspection (Session.state, contains, newObjects, dirtyObjects, deletedObjects, isModified) --

  EntityState stateOf(Object entity) {
    EntityEntry e = map.entryOf(entity);
    if (e != null) {
      return e.state;
    }
    if (entity instanceof ManagedEntity me) {
      // another session's object: attached there, or detached
      return me.quarryInterceptor() instanceof EntityEntry other && !other.detached ? EntityState.PERSISTENT
          : EntityState.DETACHED;
    }
    return factory.detached().get(entity) != null ? EntityState.DETACHED : EntityState.TRANSIENT;
  }

  boolean contains(Object entity) {
    EntityEntry e = map.entryOf(entity);
    return e != null && (e.state == EntityState.PENDING || e.state == EntityState.PERSISTENT);
  }

  /** Pending objects in the order they were added. */
  List<Object> pending() {
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

  /** Persistent objects whose columns differ from their snapshot. */
  List<Object> dirty() {
    return withoutInterception(() -> {
      List<Object> out = new ArrayList<>();
      for (EntityEntry e : map.liveEntries()) {
        if (e.state == EntityState.PERSISTENT && !e.markedDeleted && e.snapshot != null
            && e.mapping.dirtyColumns(e.entity, e.snapshot).length > 0) {
          out.add(e.entity);
        }
      }
      return out;
    });
  }

  List<Object> markedDeleted() {
    List<Object> out = new ArrayList<>();
    for (EntityEntry e : map.liveEntries()) {
      if (e.markedDeleted) {
        out.add(e.entity);
      }
    }
    return out;
  }

  boolean modified() {
    for (EntityEntry e : map.liveEntries()) {
      if (e.state == EntityState.PENDING || e.markedDeleted) {
        return true;
      }
    }
    return !dirty().isEmpty();
  }
}
