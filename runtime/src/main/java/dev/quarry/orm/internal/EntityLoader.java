package dev.quarry.orm.internal;

import dev.quarry.engine.CursorReader;
import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.EntityState;
import dev.quarry.orm.Session;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.spi.ManagedEntity;
import dev.quarry.spi.Mappings;
import dev.quarry.spi.ReferenceResolver;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns result rows into entities through the identity map: a row whose object is already in
 * the session yields that object (reloaded only if expired); otherwise a new instance of the
 * generated subclass is read and becomes persistent. Relationship loaders (joined, select-in)
 * hook in here: they read extra columns of the same row or run follow-up statements per batch.
 *
 * <p>A session has one tracking loader. An {@link EntityQuery#untracked() untracked} query runs
 * the same loaders through a loader of its own, whose objects are detached from birth: they are
 * kept only in that loader's key table (one object per row within the query, none shared with the
 * session), without a snapshot, and their interceptor refuses what would need the session.
 */
final class EntityLoader {
  private final SessionState session;
  /** The untracked query's own objects by key; null when tracking (the session's identity map), or when streaming untracked (no identity at all). */
  private final KeyTable own;
  private final boolean tracking;
  /** Resolves the to-one keys of a new row to objects already read (one per loader, not per row). */
  private final ReferenceResolver references;
  /** An untracked query's collections whose elements are read without entries ({@link SharedInterceptor}). */
  private final java.util.Map<Relationship, SharedInterceptor> leaves;

  EntityLoader(SessionState session) {
    this(session, true, null, java.util.Map.of());
  }

  private EntityLoader(SessionState session, boolean tracking, KeyTable own,
      java.util.Map<Relationship, SharedInterceptor> leaves) {
    this.session = session;
    this.tracking = tracking;
    this.own = own;
    this.leaves = leaves;
    this.references = tracking ? this::tracked : own != null ? this::ownObject : ReferenceResolver.NONE;
  }

  /**
   * A loader for one untracked read: one object per row within it ({@code identity}), or, for a
   * stream, a new object per row and nothing kept (memory stays flat however many rows it reads).
   * {@code leaves}: the collections whose elements it reads without entries ({@link LoadPipeline}).
   */
  static EntityLoader untracked(SessionState session, boolean identity,
      java.util.Map<Relationship, SharedInterceptor> leaves) {
    return new EntityLoader(session, false, identity ? new KeyTable() : null, leaves);
  }

  /** The interceptor shared by the elements of {@code rel} when they are read without entries, else null. */
  SharedInterceptor leaf(Relationship rel) {
    return leaves.isEmpty() ? null : leaves.get(rel);
  }

  SessionState session() {
    return session;
  }

  /** Whether the objects join the session (else they are the untracked query's, detached). */
  boolean tracking() {
    return tracking;
  }

  /** The entry this loader knows for a key: the session's, or the untracked query's own; null when none. */
  EntityEntry find(Class<?> identityType, Object id) {
    return tracking ? session.identityMap().get(identityType, id) : own == null ? null : own.get(identityType, id);
  }

  /**
   * The persistent, not deleted object tracked for a key, or null. Expired objects count: they are
   * still the row's identity (their accessors reload), and the lazy loader would find them too.
   */
  private Object tracked(Class<?> identityType, Object id) {
    EntityEntry e = session.identityMap().get(identityType, id);
    return e != null && e.state == EntityState.PERSISTENT && !e.markedDeleted ? e.entity : null;
  }

  private Object ownObject(Class<?> identityType, Object id) {
    EntityEntry e = own.get(identityType, id);
    return e == null ? null : e.entity;
  }

  /**
   * The entity whose columns start at JDBC index {@code first}, or null when its key columns are
   * NULL (an outer join that matched nothing).
   */
  Object load(EntityMapping<Object> base, ResultSet rs, int first, Vendor vendor) throws SQLException {
    EntityEntry e = loadEntry(base, rs, first, vendor);
    return e == null ? null : e.entity;
  }

  /**
   * As {@link #load}, but the object's entry: loaders that go on to link the object use it
   * directly instead of finding it again by object identity.
   */
  EntityEntry loadEntry(EntityMapping<Object> base, ResultSet rs, int first, Vendor vendor) throws SQLException {
    return loadEntry(base, base.polymorphism() != null, base.identityType(), references, rs, first, vendor);
  }

  /** A reader of {@code base}'s rows for one statement: what every row needs is worked out once. */
  Rows rows(EntityMapping<Object> base) {
    return new Rows(base);
  }

  /**
   * Reads the rows of one mapping in one statement. The mapping's inheritance and identity type are
   * looked up once instead of per row: with several entities in use those are megamorphic interface
   * calls on the hottest path of every query.
   */
  final class Rows implements ReferenceResolver {
    private final EntityMapping<Object> base;
    private final boolean polymorphic;
    private final Class<?> identityType;
    /** The last key a row's to-one resolved, and to what: consecutive rows usually share it (a book's author). */
    private Class<?> lastType;
    private Object lastId;
    private Object lastResolved;

    private Rows(EntityMapping<Object> base) {
      this.base = base;
      this.polymorphic = base.polymorphism() != null;
      this.identityType = base.identityType();
    }

    /** As {@link EntityLoader#loadEntry}. */
    EntityEntry entry(ResultSet rs, int first, Vendor vendor) throws SQLException {
      return loadEntry(base, polymorphic, identityType, this, rs, first, vendor);
    }

    /**
     * The object of a collection element's row read without an entry ({@code leaf} is its
     * collection's); null when its key columns are NULL (an outer join that matched nothing). With
     * {@code mirror} (else -1), the element's reference to {@code owner}, the row's key column is
     * known to name the owner (the join's own column, or the key the owner was found by): the
     * reference is set to it without reading that column or looking it up.
     */
    Object leaf(SharedInterceptor leaf, ResultSet rs, int first, Vendor vendor, int mirror, Object owner)
        throws SQLException {
      Object id = base.readId(rs, first, vendor);
      if (id == null) {
        return null;
      }
      Object entity = base.read(rs, first, vendor, null, id, this, mirror, owner);
      if (entity instanceof ManagedEntity managed) {
        managed.quarryInterceptor(leaf); // once read: the mapping wrote the new object without one
      }
      session.dispatch(LifecycleEvent.AFTER_LOAD, base, entity);
      return entity;
    }

    /**
     * The loader's resolver, remembering its last answer for the statement: the rows of a collection
     * come grouped by owner, so most lookups are the previous one again. Nothing the lookup depends on
     * (an object's state) changes while a statement's rows are read.
     */
    @Override
    public Object resolve(Class<?> type, Object id) {
      if (type == lastType && id.equals(lastId)) {
        return lastResolved;
      }
      Object found = references.resolve(type, id);
      if (found != null) {
        lastType = type;
        lastId = id;
        lastResolved = found;
      }
      return found;
    }
  }

  /** {@code identityType} is the hierarchy's: every class of it shares one. */
  private EntityEntry loadEntry(EntityMapping<Object> base, boolean polymorphic, Class<?> identityType,
      ReferenceResolver resolver, ResultSet rs, int first, Vendor vendor) throws SQLException {
    Object id = base.readId(rs, first, vendor);
    if (id == null) {
      return null;
    }
    // inheritance: the row's class
    EntityMapping<Object> m = polymorphic ? Polymorphic.concrete(base, rs, first, vendor) : base;
    if (!tracking) {
      return untrackedEntry(m, identityType, id, resolver, rs, first, vendor);
    }
    IdentityMap map = session.identityMap();
    EntityEntry existing = map.get(identityType, id);
    if (existing != null) {
      if (existing.expired && existing.state == EntityState.PERSISTENT) {
        populate(existing, rs, first, vendor);
      }
      return existing;
    }
    // No interceptor while the row is read: the object is not reachable by anyone else yet.
    Object entity = m.newManagedInstance(null);
    EntityEntry e = new EntityEntry(entity, m, map.nextSequence());
    session.suppressInterception(true);
    try {
      m.read(rs, first, vendor, entity, id, resolver, -1, null); // to-one properties: tracked objects, still unloaded
      e.snapshot = m.snapshot(entity);
    } finally {
      session.suppressInterception(false);
    }
    e.state = EntityState.PERSISTENT;
    e.key = new EntityKey(identityType, id);
    session.attach(e); // before track: an attached object is found through its interceptor, not hashed
    map.trackLoaded(e);
    SessionCache cache = session.cache();
    if (cache != null) {
      cache.loaded(e);
    }
    session.dispatch(LifecycleEvent.AFTER_LOAD, e);
    return e;
  }

  /**
   * A new persistent object of the session from a second-level cache row ({@code values}, as the
   * mapping's snapshot holds them): set column by column, then given copies of its mutable values
   * (so it shares none with the cache), its to-one references pointed at the objects the session
   * tracks (as {@code read} resolves them), tracked and loaded as if read from a row.
   */
  EntityEntry fromCache(EntityMapping<Object> m, Object id, Object[] values) {
    IdentityMap map = session.identityMap();
    Class<?> identityType = m.identityType();
    Object entity = m.newManagedInstance(null);
    EntityEntry e = new EntityEntry(entity, m, map.nextSequence());
    session.suppressInterception(true);
    try {
      for (int c = 0; c < values.length; c++) {
        m.set(entity, c, values[c]);
      }
      Object[] own = m.snapshot(entity); // deep copies of documents and arrays
      for (int c = 0; c < own.length; c++) {
        m.set(entity, c, own[c]);
      }
      for (int r = 0; r < m.relationCount(); r++) {
        dev.quarry.spi.RelationInfo info = m.relation(r);
        int fk = info.foreignKeyColumn();
        if (fk >= 0 && !info.toMany() && own[fk] != null) {
          Object target = tracked(Mappings.of(info.target()).identityType(), own[fk]);
          if (target != null && info.target().isInstance(target)) {
            m.setRelation(entity, r, target);
          }
        }
      }
      e.snapshot = m.snapshot(entity);
    } finally {
      session.suppressInterception(false);
    }
    e.state = EntityState.PERSISTENT;
    e.key = new EntityKey(identityType, id);
    session.attach(e);
    map.trackLoaded(e);
    session.dispatch(LifecycleEvent.AFTER_LOAD, e);
    return e;
  }

  /**
   * An untracked query's object for a row: the one it already read for the key, or a new one that
   * is detached from birth. No snapshot (nothing will diff it), no identity-map entry, no session:
   * the entry stays only as the object's interceptor, which answers loaded state and refuses the
   * rest as for any detached object.
   */
  private EntityEntry untrackedEntry(EntityMapping<Object> m, Class<?> identityType, Object id,
      ReferenceResolver resolver, ResultSet rs, int first, Vendor vendor) throws SQLException {
    if (own != null) {
      EntityEntry existing = own.get(identityType, id);
      if (existing != null) {
        return existing;
      }
    }
    Object entity = m.newManagedInstance(null);
    EntityEntry e = new EntityEntry(entity, m, 0);
    m.read(rs, first, vendor, entity, id, resolver, -1, null);
    e.state = EntityState.PERSISTENT;
    e.key = new EntityKey(identityType, id);
    e.detached = true;
    if (entity instanceof ManagedEntity me) {
      me.quarryInterceptor(e);
    } else {
      session.factory().detached().put(entity, e.detachedInfo()); // so add() can tell it from a new object
    }
    if (own != null) {
      own.put(e);
    }
    session.dispatch(LifecycleEvent.AFTER_LOAD, e);
    return e;
  }

  /**
   * A reader for hand-written SQL: finds each mapped column by its label (case-insensitive)
   * instead of by position, then goes through the identity map like {@link #load}.
   */
  <E> CursorReader<E> byLabels(EntityMapping<Object> m, Class<E> type) {
    return new CursorReader<>() {
      private int[] positions;

      @Override
      public E read(ResultSet rs, Vendor vendor) throws SQLException {
        if (positions == null) {
          positions = positions(m, rs.getMetaData());
        }
        java.util.List<dev.quarry.sql.Column<?>> cols = m.table().columns();
        int[] pk = m.primaryKeyColumns();
        Object[] key = new Object[pk.length];
        for (int k = 0; k < pk.length; k++) {
          key[k] = cols.get(pk[k]).type().read(rs, positions[pk[k]], vendor);
        }
        Object id = m.idOf(key);
        IdentityMap map = session.identityMap();
        EntityEntry e = map.get(new EntityKey(m.identityType(), id));
        boolean fresh = e == null;
        if (fresh) {
          EntityMapping<Object> cm = Polymorphic.concrete(m, rs, positions, vendor); // inheritance: the row's class
          e = new EntityEntry(cm.newManagedInstance(null), cm, map.nextSequence());
        } else if (!e.expired || e.state != EntityState.PERSISTENT) {
          return type.cast(e.entity);
        }
        session.suppressInterception(true);
        try {
          for (int i = 0; i < cols.size(); i++) {
            e.mapping.set(e.entity, i, cols.get(i).type().read(rs, positions[i], vendor));
          }
          e.snapshot = e.mapping.snapshot(e.entity);
          e.expired = false;
        } finally {
          session.suppressInterception(false);
        }
        if (fresh) {
          e.state = EntityState.PERSISTENT;
          e.key = new EntityKey(m.identityType(), id);
          session.attach(e);
          map.trackLoaded(e);
        }
        session.dispatch(LifecycleEvent.AFTER_LOAD, e);
        return type.cast(e.entity);
      }
    };
  }

  private static int[] positions(EntityMapping<Object> m, java.sql.ResultSetMetaData meta) throws SQLException {
    java.util.Map<String, Integer> byLabel = new java.util.HashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      byLabel.putIfAbsent(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), i);
    }
    java.util.List<dev.quarry.sql.Column<?>> cols = m.table().columns();
    int[] positions = new int[cols.size()];
    for (int i = 0; i < positions.length; i++) {
      Integer p = byLabel.get(cols.get(i).name().toLowerCase(java.util.Locale.ROOT));
      if (p == null) {
        throw new IllegalArgumentException("the statement mapped to " + m.entityName() + " must return column '"
            + cols.get(i).name() + "'; it returns " + byLabel.keySet());
      }
      positions[i] = p;
    }
    return positions;
  }

  /** Overwrites an entry's object with the row's values: refresh, or reload of expired state. */
  void populate(EntityEntry e, ResultSet rs, int first, Vendor vendor) throws SQLException {
    session.suppressInterception(true);
    try {
      Object[] references = RelationSync.loadedReferences(e);
      e.mapping.read(rs, first, vendor, e.entity, null, ReferenceResolver.NONE, -1, null);
      RelationSync.restoreReferences(e, references);
      e.snapshot = e.mapping.snapshot(e.entity);
      e.expired = false;
    } finally {
      session.suppressInterception(false);
    }
    SessionCache cache = session.cache();
    if (cache != null && e.key != null && e.state == EntityState.PERSISTENT) {
      cache.loaded(e);
    }
    session.dispatch(LifecycleEvent.AFTER_LOAD, e);
  }

  /**
   * {@code Session.refresh} of a plain object (made with {@code new}): the collections it holds
   * load again too, since nothing intercepts its getters to load them on access. Objects handed out
   * again after a commit are not given this extra work: a query must not run one more statement per
   * relationship of every plain object it returns.
   */
  void refreshCollections(EntityEntry e) {
    if (e.managed || e.state != EntityState.PERSISTENT || e.markedDeleted || e.key == null) {
      return;
    }
    for (int r = 0; r < e.mapping.relationCount(); r++) {
      if (e.mapping.relation(r).toMany() && !e.relationLoaded(r) && e.mapping.getRelation(e.entity, r) != null) {
        RelatedRows.load(this, Relationship.of(e.mapping, r), List.of(e));
      }
    }
  }

  /** Reloads an entry from its row (refresh, expired state); false when the row is gone. */
  boolean reload(EntityEntry e) {
    SessionConnection conn = session.transaction().connectionFor(e.mapping);
    return conn.query(session.persister(e.mapping).selectById(e.key.id()), (rs, vendor) -> {
      if (!rs.next()) {
        return false;
      }
      populate(e, rs, 1, vendor);
      return true;
    });
  }
}
