package dev.quarry.orm.internal;

import dev.quarry.orm.FlushChanges;
import dev.quarry.orm.cache.CacheStore;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.RelationInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One session's side of the second-level and query caches: the stamp of its open transaction
 * (taken before its first statement, so whatever it reads is stamped no later than the read), the
 * tables it has written, and what its commit will invalidate.
 *
 * <ul>
 *   <li><b>Reads around the cache</b>: once the transaction has written a table — by a flush, a bulk
 *       statement or a Core statement through the session — it neither reads cached rows,
 *       collections and query results over that table nor puts any, until it ends: the cache holds
 *       committed data, and this transaction sees its own uncommitted rows.
 *   <li><b>Invalidation at commit</b>: the rows a flush wrote (their old and new keys), the
 *       collections whose membership it changed (a one-to-many element's owner before and after its
 *       foreign key changed; both sides of an association row) and the tables it wrote are collected
 *       as the flush completes and handed to the engine connection's {@code afterCommit}: they are
 *       invalidated when the transaction commits — also when the commit's outcome is unknown — and
 *       never on rollback. Joined to a framework's transaction, that is when the framework commits.
 * </ul>
 */
final class SessionCache {
  private final SecondLevelCacheImpl cache;
  private final SessionState session;
  /** The open transaction's stamp; 0 while none is open. */
  private long stamp;
  /** Tables this transaction wrote; {@link CacheInvalidations#ANY} when raw SQL wrote unknown ones. */
  private final Set<String> written = new HashSet<>();
  private Pending pending;

  SessionCache(SecondLevelCacheImpl cache, SessionState session) {
    this.cache = cache;
    this.session = session;
  }

  SecondLevelCacheImpl cache() {
    return cache;
  }

  // --- the transaction --------------------------------------------------------------------------

  /** The session's transaction took its connection (before its first statement). */
  void began() {
    stamp = cache.invalidations.begin(this);
  }

  /** The transaction ended (commit, rollback, failure, close): whatever it wrote is committed or gone. */
  void ended() {
    cache.invalidations.end(this);
    stamp = 0;
    written.clear();
    pending = null;
  }

  /** Whether this transaction wrote {@code table} (or unknown tables). */
  boolean wrote(String table) {
    return !written.isEmpty() && (written.contains(table) || written.contains(CacheInvalidations.ANY));
  }

  private boolean wroteAny(Set<String> tables) {
    if (written.isEmpty()) {
      return false;
    }
    if (written.contains(CacheInvalidations.ANY)) {
      return true;
    }
    for (String t : tables) {
      if (written.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private boolean wrote(EntityMapping<?> m) {
    return !written.isEmpty() && wrote(m.table().qualifiedName());
  }

  // --- entities ---------------------------------------------------------------------------------

  /**
   * {@code get}: the object of {@code m}'s cached row with {@code id}, made a persistent object of
   * the session (with its eager relationships loaded), or null when the row is not cached.
   */
  Object get(EntityMapping<Object> m, Object id) {
    EntityEntry e = hydrate(m, id);
    if (e == null) {
      return null;
    }
    LoadPipeline.afterLazyLoad(session, e.mapping, List.of(e.entity));
    return e.entity;
  }

  /** The entry of {@code m}'s cached row with {@code id}, now tracked by the session; null when not cached. */
  EntityEntry hydrate(EntityMapping<Object> m, Object id) {
    if (cache.entityStore(m) == null || wrote(m)) {
      return null;
    }
    CacheEntries.Row row = cache.entity(m, id);
    if (row == null) {
      return null;
    }
    EntityMapping<Object> concrete = FactoryState.mapping(row.type());
    if (!m.entityType().isAssignableFrom(concrete.entityType())) {
      return null; // another class of the hierarchy: a query of m would not find it either
    }
    return session.loader().fromCache(concrete, id, row.values());
  }

  /** A row the session just read into a new object: cache it, if its class is cached. */
  void loaded(EntityEntry e) {
    if (stamp != 0 && e.snapshot != null && cache.entityStore(e.mapping) != null && !wrote(e.mapping)) {
      cache.putEntity(e.mapping, e.key.id(), e.snapshot.clone(), stamp);
    }
  }

  // --- collections ------------------------------------------------------------------------------

  /** Whether {@code rel}'s collections are cached and this transaction may use them. */
  boolean caches(Relationship rel) {
    if (rel.info.cacheRegion() == null || cache.collectionStore(rel) == null) {
      return false;
    }
    return !wrote(rel.target) && (rel.joinTable == null || !wrote(rel.joinTable.qualifiedName()));
  }

  /** The cached element ids of {@code owner}'s collection, or null. */
  List<Object> collection(Relationship rel, Object ownerId) {
    return cache.collection(rel, ownerId);
  }

  /** A collection the session just read from the database. */
  void loadedCollection(Relationship rel, Object ownerId, java.util.Collection<?> elements) {
    if (stamp == 0) {
      return;
    }
    List<Object> ids = new ArrayList<>(elements.size());
    for (Object element : elements) {
      Object id = rel.target.id(element);
      if (id == null) {
        return;
      }
      ids.add(id);
    }
    cache.putCollection(rel, ownerId, ids, stamp);
  }

  void dropCollection(Relationship rel, Object ownerId) {
    cache.dropCollection(rel, ownerId);
  }

  // --- queries ----------------------------------------------------------------------------------

  /** The cached result of a query over {@code tables}, or null (also when this transaction wrote one of them). */
  List<Object> query(String region, Object key, Set<String> tables) {
    return wroteAny(tables) ? null : cache.query(region, key, tables);
  }

  void putQuery(String region, Object key, Set<String> tables, List<Object> result) {
    if (stamp != 0 && !wroteAny(tables)) {
      cache.putQuery(region, key, tables, result, stamp);
    }
  }

  // --- what a flush or statement wrote ----------------------------------------------------------

  /**
   * A row a flush is about to record as written ({@code kind}), its entry still holding the snapshot
   * from before: its keys, and the collections it enters or leaves, go at commit.
   */
  void rowWritten(FlushPlan.Kind kind, EntityEntry e) {
    EntityMapping<Object> m = e.mapping;
    CacheStore<Object, Object> store = cache.entityStore(m);
    if (store != null) {
      if (e.key != null) {
        pending().key(store, cache.entityKey(m, e.key.id()));
      }
      Object now = m.id(e.entity);
      if (now != null) {
        pending().key(store, cache.entityKey(m, now));
      }
    }
    for (int r = 0; r < m.relationCount(); r++) {
      RelationInfo info = m.relation(r);
      if (info.foreignKeyColumn() < 0 || info.toMany()) {
        continue;
      }
      Relationship ref = Relationship.of(m, r);
      if (ref.mirror < 0) {
        continue;
      }
      Relationship collection = Relationship.of(ref.target, ref.mirror);
      if (!collection.toMany() || collection.info.cacheRegion() == null) {
        continue;
      }
      int fk = info.foreignKeyColumn();
      Object before = kind == FlushPlan.Kind.INSERT || e.snapshot == null ? null : e.snapshot[fk];
      Object after = kind == FlushPlan.Kind.DELETE ? null : m.get(e.entity, fk);
      if (kind == FlushPlan.Kind.UPDATE && Objects.equals(before, after)) {
        continue; // same owner: its collection holds the same ids
      }
      collectionChanged(collection, before);
      collectionChanged(collection, after);
    }
  }

  /** An association row of {@code rel} between the two ids was inserted or deleted: both sides' collections go. */
  void associationChanged(Relationship rel, Object ownerId, Object targetId) {
    collectionChanged(rel, ownerId);
    if (rel.mirror >= 0) {
      collectionChanged(Relationship.of(rel.target, rel.mirror), targetId);
    }
  }

  /** An owner's association rows of {@code rel} were all deleted (the owner is being deleted). */
  void associationsCleared(Relationship rel, Object ownerId) {
    collectionChanged(rel, ownerId);
    if (rel.mirror >= 0) {
      // the elements' inverse collections each lose this owner: unknown which, so all of them
      pending().bulkTables.add(rel.joinTable.qualifiedName());
    }
  }

  private void collectionChanged(Relationship rel, Object ownerId) {
    if (ownerId == null || rel.info.cacheRegion() == null) {
      return;
    }
    CacheStore<Object, Object> store = cache.collectionStore(rel);
    if (store != null) {
      pending().key(store, cache.collectionKey(rel, ownerId));
    }
  }

  /** A flush or bulk statement completed: its tables are this transaction's, and go at commit. */
  void flushed(FlushChanges changes) {
    Set<String> tables = changes.tables();
    if (tables.isEmpty()) {
      return;
    }
    written.addAll(tables);
    Pending p = pending();
    p.tables.addAll(tables);
    p.bulkTables.addAll(changes.bulkTables());
  }

  /** A many-to-many's association table was written by a flush. */
  void associationTableWritten(String table) {
    written.add(table);
    pending().tables.add(table);
  }

  /**
   * A Core statement or raw SQL ran through the session: this transaction reads around the cache
   * for its tables; the engine invalidates them when it commits.
   */
  void statementWrote(Set<String> tables) {
    written.addAll(tables);
  }

  /**
   * What this transaction's commit will invalidate. On one database it is registered with the
   * engine connection's {@code afterCommit} (so a framework's later commit is waited for); across
   * several ({@code bind}), the session runs it itself once every database's commit has been
   * attempted ({@link #committed}): invalidating after the first of them would let another session
   * cache a row of a database that has not committed yet.
   */
  private Pending pending() {
    if (pending == null) {
      pending = new Pending();
      if (session.factory().boundEngines().isEmpty()) {
        session.transaction().connectionFor((EntityMapping<?>) null).engineConnection().afterCommit(pending);
      }
    }
    return pending;
  }

  /** Several databases: their commits were attempted and at least one committed (a partial commit invalidates too). */
  void committed() {
    if (pending != null && !session.factory().boundEngines().isEmpty()) {
      pending.run();
    }
  }

  /** Invalidations run by the engine after the transaction commits. */
  private final class Pending implements Runnable {
    final Map<CacheStore<Object, Object>, Set<Object>> keys = new IdentityHashMap<>();
    final Set<String> tables = new HashSet<>();
    final Set<String> bulkTables = new HashSet<>();

    void key(CacheStore<Object, Object> store, Object key) {
      keys.computeIfAbsent(store, s -> new HashSet<>()).add(key);
    }

    @Override
    public void run() {
      cache.invalidate(keys, tables, bulkTables);
    }
  }
}
