package dev.quarry.orm;

import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.ManagedEntity;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The state transitions of tracked objects that happen outside single operations: after a flush
 * wrote them, at commit, at rollback (SQLAlchemy's contract), at close, and detaching; and what
 * the session does with objects it does not track (merge's copy, deleting an untracked object).
 */
final class ObjectStates {
  private ObjectStates() {}

  static void becamePersistent(SessionImpl session, EntityEntry e) {
    e.state = EntityState.PERSISTENT;
    session.identityMap().bind(e, new EntityKey(e.mapping.identityType(), e.mapping.id(e.entity)));
    e.snapshot = e.mapping.snapshot(e.entity);
    e.insertedInTransaction = true;
    e.expired = false;
    session.attach(e);
  }

  static void wasUpdated(SessionImpl session, EntityEntry e) {
    if (e.transactionSnapshot == null) {
      e.transactionSnapshot = e.snapshot;
    }
    e.snapshot = e.mapping.snapshot(e.entity);
    Object id = e.mapping.id(e.entity);
    if (!Objects.equals(id, e.key.id())) {
      session.identityMap().bind(e, new EntityKey(e.mapping.identityType(), id));
    }
  }

  static void wasDeleted(SessionImpl session, EntityEntry e) {
    if (e.transactionSnapshot == null) {
      e.transactionSnapshot = e.snapshot;
    }
    e.markedDeleted = false;
    e.state = EntityState.DELETED;
    session.identityMap().forgetKey(e);
  }

  /** After COMMIT: deleted objects leave, the rest are expired when the factory says so. */
  static void afterCommit(SessionImpl session) {
    IdentityMap map = session.identityMap();
    boolean expire = session.factory().expireOnCommit();
    for (EntityEntry e : map.entries()) {
      e.insertedInTransaction = false;
      e.idGenerated = false;
      e.transactionSnapshot = null;
      if (e.state == EntityState.DELETED) {
        map.remove(e);
        detach(session, e);
      } else if (e.state == EntityState.PERSISTENT && expire) {
        e.expired = true;
      }
    }
  }

  /**
   * A statement the session ran outside its unit of work (a Core UPDATE, DELETE or upsert through
   * {@code Session.execute}) changed rows of {@code table}: every persistent object stored in it is
   * expired (generated subclasses reload on access, plain objects when handed out; a deleted row
   * then reads as gone), and every loaded collection whose membership lives in it (an inverse
   * side's foreign key, a many-to-many association table) is unloaded, to load again on access.
   */
  static void rowsChangedOutside(SessionImpl session, dev.quarry.sql.Table table) {
    for (EntityEntry e : session.identityMap().liveEntries()) {
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
  private static boolean stores(EntityMapping<Object> mapping, dev.quarry.sql.Table table) {
    if (mapping.table().sameTableAs(table)) {
      return true;
    }
    dev.quarry.spi.Polymorphism p = mapping.polymorphism();
    if (p != null && p.joined() != null) {
      for (dev.quarry.sql.Table stored : p.joined().tables()) {
        if (stored.sameTableAs(table)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * SQLAlchemy's rollback contract: pending objects and objects inserted in the transaction leave
   * the session (their generated ids cleared), deleted ones come back, persistent ones get their
   * database values back (generated subclasses also reload on next access).
   */
  static void afterRollback(SessionImpl session) {
    IdentityMap map = session.identityMap();
    session.withoutInterception(() -> {
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
  static void afterCommitOutcomeUnknown(SessionImpl session) {
    IdentityMap map = session.identityMap();
    for (EntityEntry e : map.liveEntries()) { // no copy: nothing below changes the map before clear()
      e.insertedInTransaction = false;
      e.idGenerated = false;
      e.transactionSnapshot = null;
      e.markedDeleted = false;
      detach(session, e);
    }
    map.clear();
  }

  /** At close (after the rollback): objects inserted in the transaction become transient, the rest detached. */
  static void afterClose(SessionImpl session) {
    IdentityMap map = session.identityMap();
    for (EntityEntry e : map.liveEntries()) { // no copy: nothing below changes the map before clear()
      if (e.state == EntityState.PENDING || e.insertedInTransaction) {
        forgetGenerated(e);
      } else {
        detach(session, e);
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

  /** Records a departing object as detached (pending objects simply become transient). */
  static void detach(SessionImpl session, EntityEntry e) {
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
      session.factory().detached().put(e.entity, new DetachedRegistry.Detached(e.key, e.snapshot, e.expired));
    }
  }

  /** What the object had when it left a session, or null for a transient object. */
  static DetachedRegistry.Detached detachedInfo(SessionImpl session, Object entity) {
    if (entity instanceof ManagedEntity me) {
      EntityInterceptor i = me.quarryInterceptor();
      if (i instanceof EntityEntry d && d.detached) {
        return d.detachedInfo();
      }
      if (i instanceof SharedInterceptor leaf) { // an untracked query's collection element: no snapshot either
        return new DetachedRegistry.Detached(new EntityKey(leaf.mapping.identityType(), leaf.mapping.id(entity)),
            null, false);
      }
      if (i instanceof EntityEntry own && own.session != session) {
        throw new ObjectStateException(SessionFactory.mapping(entity.getClass()).entityName()
            + " is attached to another open session; expunge it there or use session.merge(object)");
      }
      return null;
    }
    return session.factory().detached().get(entity);
  }

  // --- inspection (Session.state, newObjects, dirtyObjects, deletedObjects, isModified) ----------

  static EntityState stateOf(SessionImpl session, Object entity) {
    EntityEntry e = session.identityMap().entryOf(entity);
    if (e != null) {
      return e.state;
    }
    if (entity instanceof ManagedEntity me) {
      // another session's object: attached there, or detached
      return me.quarryInterceptor() instanceof EntityEntry other && !other.detached ? EntityState.PERSISTENT
          : EntityState.DETACHED;
    }
    return session.factory().detached().get(entity) != null ? EntityState.DETACHED : EntityState.TRANSIENT;
  }

  /** Pending objects in the order they were added. */
  static List<Object> pending(SessionImpl session) {
    List<EntityEntry> pending = new java.util.ArrayList<>();
    for (EntityEntry e : session.identityMap().liveEntries()) {
      if (e.state == EntityState.PENDING) {
        pending.add(e);
      }
    }
    pending.sort(Comparator.comparingLong(e -> e.sequence));
    List<Object> out = new java.util.ArrayList<>(pending.size());
    pending.forEach(e -> out.add(e.entity));
    return out;
  }

  /** Persistent objects whose columns differ from their snapshot. */
  static List<Object> dirty(SessionImpl session) {
    return session.withoutInterception(() -> {
      List<Object> out = new java.util.ArrayList<>();
      for (EntityEntry e : session.identityMap().liveEntries()) {
        if (e.state == EntityState.PERSISTENT && !e.markedDeleted && e.snapshot != null
            && e.mapping.dirtyColumns(e.entity, e.snapshot).length > 0) {
          out.add(e.entity);
        }
      }
      return out;
    });
  }

  static List<Object> markedDeleted(SessionImpl session) {
    List<Object> out = new java.util.ArrayList<>();
    for (EntityEntry e : session.identityMap().liveEntries()) {
      if (e.markedDeleted) {
        out.add(e.entity);
      }
    }
    return out;
  }

  static boolean modified(SessionImpl session) {
    for (EntityEntry e : session.identityMap().liveEntries()) {
      if (e.state == EntityState.PENDING || e.markedDeleted) {
        return true;
      }
    }
    return !dirty(session).isEmpty();
  }

  /**
   * Deletes the row of an untracked query's object through the session's own object for it (loaded
   * if needed), which is what cascades and the flush work on; a version that differs from the row's
   * is stale, as in {@code merge}.
   */
  static void deleteUntracked(SessionImpl session, Object entity, Object id) {
    EntityMapping<Object> m = SessionFactory.mapping(entity.getClass());
    Object own = session.get(m.entityType(), id);
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
    session.delete(own);
  }

  /**
   * Copies the column values of {@code from} onto {@code to} (merge), with or without the key
   * columns; never the version, which is the row's (checked by merge) or, for a new row, the library's.
   */
  static void copyColumns(EntityMapping<Object> m, Object from, Object to, boolean withKey) {
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
}
