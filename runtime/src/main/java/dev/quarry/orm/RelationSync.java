package dev.quarry.orm;

import dev.quarry.spi.RelationInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Keeps both sides of a relationship consistent: in memory when a managed object's reference is set
 * (SQLAlchemy's {@code back_populates}), and at flush, where the collections of the one-to-many side
 * decide the foreign keys of their elements (added elements point at the owner and are saved,
 * removed ones are orphaned: deleted with DELETE_ORPHAN, else their reference is cleared).
 */
final class RelationSync {
  private RelationSync() {}

  // --- add / flush ----------------------------------------------------------------------------

  /** {@code add} of a new object cascades save-update to the objects it references and holds. */
  static void cascadeAdd(SessionImpl session, EntityEntry e) {
    if (e.state != EntityState.PENDING || e.mapping.relationCount() == 0) {
      return;
    }
    for (int r = 0; r < e.mapping.relationCount(); r++) {
      RelationInfo info = e.mapping.relation(r);
      if (!info.cascadeSaveUpdate()) {
        continue;
      }
      for (Object related : values(e.mapping.getRelation(e.entity, r))) {
        if (session.identityMap().entryOf(related) == null && ObjectStates.detachedInfo(session, related) == null) {
          session.add(related);
        }
      }
    }
  }

  /**
   * Before a flush: each loaded (or user-built) one-to-many collection sets its elements' reference
   * to the owner, adds new elements (save-update cascade) and orphans removed ones; many-to-many
   * collections give the association rows to write.
   */
  static Associations beforeFlush(SessionImpl session) {
    Associations associations = new Associations();
    for (EntityEntry e : session.identityMap().entries()) {
      if (e.mapping.relationCount() > 0
          && (e.state == EntityState.PENDING || e.state == EntityState.PERSISTENT)) {
        associations.collect(session, e);
      }
      if (e.mapping.relationCount() == 0 || e.markedDeleted
          || e.state != EntityState.PENDING && e.state != EntityState.PERSISTENT) {
        continue;
      }
      for (int r = 0; r < e.mapping.relationCount(); r++) {
        RelationInfo info = e.mapping.relation(r);
        boolean userBuilt = e.state == EntityState.PENDING || !e.managed;
        if (info.kind() != RelationInfo.Kind.ONE_TO_MANY || !userBuilt && !e.relationLoaded(r)) {
          continue;
        }
        Object value = e.mapping.getRelation(e.entity, r);
        if (value == null && (e.collections == null || e.collections[r] == null)) {
          continue;
        }
        Relationship rel = Relationship.of(e.mapping, r);
        if (unchanged(session, e, rel, value)) {
          continue;
        }
        syncCollection(session, e, rel, value == null ? List.of() : values(value));
      }
    }
    return associations;
  }

  /**
   * Whether the collection still holds exactly the elements it was loaded or last flushed with, in
   * that order, each tracked and referring back to the owner: then {@link #syncCollection} would
   * change nothing. Every autoflush (before each query, each lazy load) visits every loaded
   * collection, so this check, which allocates nothing, keeps the common case cheap.
   */
  private static boolean unchanged(SessionImpl session, EntityEntry owner, Relationship rel, Object value) {
    Object[] before = owner.collections == null ? null : owner.collections[rel.index];
    if (before == null || !(value instanceof java.util.List<?> now) || now.size() != before.length
        || rel.mirror < 0) {
      return false;
    }
    int back = rel.mirror;
    for (int i = 0; i < before.length; i++) {
      Object child = now.get(i);
      if (child != before[i] || session.identityMap().entryOf(child) == null
          || rel.target.getRelation(child, back) != owner.entity) {
        return false;
      }
    }
    return true;
  }

  private static void syncCollection(SessionImpl session, EntityEntry owner, Relationship rel, List<Object> now) {
    Relationship back = Relationship.of(rel.target, rel.mirror);
    Set<Object> current = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Object child : now) {
      current.add(child);
      EntityEntry ce = session.identityMap().entryOf(child);
      if (ce == null) {
        if (!rel.info.cascadeSaveUpdate()) {
          continue;
        }
        session.add(child);
        ce = session.identityMap().entryOf(child);
      }
      if (rel.target.getRelation(child, back.index) != owner.entity) {
        rel.target.setRelation(child, back.index, owner.entity);
        ce.relationState(back.index, EntityEntry.LOADED);
      }
    }
    Object[] before = owner.collections == null ? null : owner.collections[rel.index];
    if (before != null) {
      for (Object old : before) {
        if (current.contains(old)) {
          continue;
        }
        EntityEntry ce = session.identityMap().entryOf(old);
        if (ce == null || ce.markedDeleted) {
          continue;
        }
        if (rel.target.getRelation(old, back.index) != null && !sameOwner(rel, back, old, owner)) {
          continue; // moved to another owner, not orphaned
        }
        if (rel.info.deleteOrphan()) {
          session.delete(old);
        } else if (sameOwner(rel, back, old, owner)) {
          rel.target.setRelation(old, back.index, null);
          ce.relationState(back.index, EntityEntry.LOADED);
        }
      }
    }
    if (owner.collections == null) {
      owner.collections = new Object[owner.mapping.relationCount()][];
    }
    owner.collections[rel.index] = now.toArray();
  }

  private static boolean sameOwner(Relationship rel, Relationship back, Object child, EntityEntry owner) {
    Object ref = rel.target.getRelation(child, back.index);
    if (ref == owner.entity) {
      return true;
    }
    // an unloaded reference carries only the key
    Object key = rel.target.get(child, back.ownerKey);
    return ref != null && owner.key != null && owner.key.id().equals(key);
  }

  /** {@code delete} of an object cascades to the objects of relationships declared with DELETE. */
  static void cascadeDelete(SessionImpl session, EntityEntry e) {
    for (int r = 0; r < e.mapping.relationCount(); r++) {
      RelationInfo info = e.mapping.relation(r);
      if (!info.cascadeDelete() || info.kind() == RelationInfo.Kind.MANY_TO_MANY) {
        continue;
      }
      if (e.state == EntityState.PERSISTENT && !e.relationLoaded(r)) {
        LazyLoader.INSTANCE.onAccess(session, Relationship.of(e.mapping, r), e);
      }
      for (Object related : values(e.mapping.getRelation(e.entity, r))) {
        EntityEntry re = session.identityMap().entryOf(related);
        if (re != null && !re.markedDeleted) {
          session.delete(related);
        }
      }
    }
  }

  // --- setters on managed objects -------------------------------------------------------------

  /** After a managed object's relationship property was set through its setter. */
  static void afterSet(SessionImpl session, EntityEntry e, int r) {
    Object written = e.mapping.getRelation(e.entity, r);
    if (e.expired && e.state == EntityState.PERSISTENT && session.transaction().usable()) {
      session.reload(e);
      e.mapping.setRelation(e.entity, r, written);
    }
    e.relationState(r, EntityEntry.LOADED);
    Relationship rel = Relationship.of(e.mapping, r);
    if (rel.mirror < 0 || rel.manyToMany()) {
      return; // many-to-many: the owning collection alone decides the association rows
    }
    Relationship back = Relationship.of(rel.target, rel.mirror);
    if (rel.owning() && back.toMany()) {
      // order.setCustomer(c): leave the old customer's loaded collection, join the new one's
      Object oldKey = e.snapshot == null ? null : e.snapshot[rel.ownerKey];
      EntityEntry old = oldKey == null ? null : session.identityMap().get(new EntityKey(rel.target.identityType(), oldKey));
      if (old != null && old.entity != written && holds(old, back.index)) {
        Object c = rel.target.getRelation(old.entity, back.index);
        if (c instanceof Collection<?> col) {
          col.remove(e.entity);
        }
      }
      EntityEntry now = written == null ? null : session.identityMap().entryOf(written);
      if (now != null && holds(now, back.index)) {
        @SuppressWarnings("unchecked")
        Collection<Object> col = (Collection<Object>) rel.target.getRelation(written, back.index);
        if (col != null && !containsIdentity(col, e.entity)) {
          col.add(e.entity);
        }
      }
    } else if (rel.toMany()) {
      // user.setOrders(list): each element points back at the owner
      for (Object child : values(written)) {
        rel.target.setRelation(child, back.index, e.entity);
        EntityEntry ce = session.identityMap().entryOf(child);
        if (ce != null) {
          ce.relationState(back.index, EntityEntry.LOADED);
        }
      }
    } else if (!back.toMany() && written != null) {
      // one-to-one: the other side points back
      rel.target.setRelation(written, back.index, e.entity);
      EntityEntry we = session.identityMap().entryOf(written);
      if (we != null) {
        we.relationState(back.index, EntityEntry.LOADED);
      }
    }
  }

  /** Whether the object's property holds the relationship's value: loaded, or built by the user (plain, new). */
  private static boolean holds(EntityEntry e, int r) {
    return e.relationLoaded(r) || !e.managed || e.state == EntityState.PENDING;
  }

  private static boolean containsIdentity(Collection<?> c, Object o) {
    for (Object x : c) {
      if (x == o) {
        return true;
      }
    }
    return false;
  }

  // --- reloads ----------------------------------------------------------------------------------

  /** The loaded to-one references of an entry before its row is read again (null when none). */
  static Object[] loadedReferences(EntityEntry e) {
    if (!e.hasRelationState()) {
      return null;
    }
    Object[] refs = new Object[e.mapping.relationCount()];
    for (int r = 0; r < refs.length; r++) {
      if (e.relationLoaded(r) && e.mapping.relation(r).foreignKeyColumn() >= 0) {
        refs[r] = e.mapping.getRelation(e.entity, r);
      }
    }
    return refs;
  }

  /**
   * After a reload: references whose key did not change keep the loaded object (the row read put an
   * unloaded reference there); everything else is unloaded and loads again on access.
   */
  static void restoreReferences(EntityEntry e, Object[] refs) {
    if (!e.hasRelationState()) {
      return;
    }
    for (int r = 0; r < e.mapping.relationCount(); r++) {
      RelationInfo info = e.mapping.relation(r);
      Object before = refs == null ? null : refs[r];
      if (before != null && info.foreignKeyColumn() >= 0) {
        Object key = e.mapping.get(e.entity, info.foreignKeyColumn());
        if (key != null && key.equals(idOf(info.target(), before))) {
          e.mapping.setRelation(e.entity, r, before);
          continue;
        }
      }
      if (e.relationLoaded(r)) {
        e.relationState(r, EntityEntry.UNLOADED);
      }
      if (e.collections != null) {
        e.collections[r] = null;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object idOf(Class<?> type, Object entity) {
    return ((dev.quarry.spi.EntityMapping<Object>) dev.quarry.spi.Mappings.of(type)).id(entity);
  }

  static List<Object> values(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    return List.of(value);
  }
}
