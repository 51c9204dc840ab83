package dev.quarry.orm.internal;

import dev.quarry.orm.EntityState;
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
  static void cascadeAdd(SessionState session, EntityEntry e) {
    if (e.state != EntityState.PENDING || e.mapping.relationCount() == 0) {
      return;
    }
    for (int r = 0; r < e.mapping.relationCount(); r++) {
      RelationInfo info = e.mapping.relation(r);
      if (!info.cascadeSaveUpdate()) {
        continue;
      }
      for (Object related : values(e.mapping.getRelation(e.entity, r))) {
        if (session.identityMap().entryOf(related) == null && session.detachedInfo(related) == null) {
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
  static Associations beforeFlush(SessionState session, List<EntityEntry> entries) {
    // References set on objects whose setters nobody intercepts (plain, pending): the loaded
    // collections on the other side follow them first, as a managed object's setter does at once.
    Membership membership = new Membership();
    for (EntityEntry e : entries) {
      if ((!e.managed || e.state == EntityState.PENDING) && e.mapping.relationCount() > 0 && !e.markedDeleted
          && (e.state == EntityState.PENDING || e.state == EntityState.PERSISTENT)) {
        for (int r = 0; r < e.mapping.relationCount(); r++) {
          Relationship rel = Relationship.of(e.mapping, r);
          if (rel.owning() && rel.mirror >= 0 && Relationship.of(rel.target, rel.mirror).toMany()
              && referenceChanged(e, rel)) {
            followReference(session, e, rel, e.mapping.getRelation(e.entity, r), membership);
          }
        }
      }
    }
    Associations associations = new Associations();
    for (EntityEntry e : entries) {
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
  private static boolean unchanged(SessionState session, EntityEntry owner, Relationship rel, Object value) {
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

  /**
   * Elements added since the collection was loaded or last flushed point at the owner (leaving
   * another owner's loaded collection if they were in one); elements it held before that now point
   * at another owner were moved there (by that owner's collection or the element's reference) and
   * leave this collection; removed elements are orphaned.
   */
  private static void syncCollection(SessionState session, EntityEntry owner, Relationship rel, List<Object> now) {
    Relationship back = Relationship.of(rel.target, rel.mirror);
    Object[] before = owner.collections == null ? null : owner.collections[rel.index];
    Set<Object> previous = Collections.newSetFromMap(new IdentityHashMap<>());
    if (before != null) {
      previous.addAll(java.util.Arrays.asList(before));
    }
    Set<Object> current = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Object> movedAway = new ArrayList<>();
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
      Object ref = rel.target.getRelation(child, back.index);
      if (ref == owner.entity) {
        continue;
      }
      if (previous.contains(child) && ref != null && !sameOwner(rel, back, child, owner)) {
        movedAway.add(child); // it was here, and something since pointed it elsewhere
        continue;
      }
      leavePreviousOwner(session, rel, back, child, ref, owner);
      rel.target.setRelation(child, back.index, owner.entity);
      ce.relationState(back.index, EntityEntry.LOADED);
      session.identityMap().watch(ce); // its foreign key changed: this flush writes it
    }
    if (!movedAway.isEmpty()) {
      Object value = owner.mapping.getRelation(owner.entity, rel.index);
      session.withoutInterception(() -> {
        for (Object child : movedAway) {
          removeIdentity((Collection<?>) value, child);
          current.remove(child);
        }
        return null;
      });
      now = values(value);
    }
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
          session.identityMap().watch(ce);
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
  static void cascadeDelete(SessionState session, EntityEntry e) {
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
  static void afterSet(SessionState session, EntityEntry e, int r) {
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
      session.withoutInterception(() -> {
        followReference(session, e, rel, written, null);
        return null;
      });
    } else if (rel.toMany()) {
      // user.setOrders(list): each element points back at the owner
      for (Object child : values(written)) {
        rel.target.setRelation(child, back.index, e.entity);
        EntityEntry ce = session.identityMap().entryOf(child);
        if (ce != null) {
          ce.relationState(back.index, EntityEntry.LOADED);
          session.identityMap().watch(ce); // its foreign key follows the new owner
        }
      }
    } else if (!back.toMany() && written != null) {
      // one-to-one: the other side points back
      rel.target.setRelation(written, back.index, e.entity);
      EntityEntry we = session.identityMap().entryOf(written);
      if (we != null) {
        we.relationState(back.index, EntityEntry.LOADED);
        session.identityMap().watch(we);
      }
    }
  }

  /**
   * {@code order.setCustomer(c)}, or a plain object's reference found at flush: the order leaves the
   * loaded collection of the customer its row pointed at, and joins {@code target}'s when that is
   * loaded (or built by the user). {@code membership} remembers collections' elements for one flush
   * (null: look each one up).
   */
  private static void followReference(SessionState session, EntityEntry e, Relationship rel, Object target,
      Membership membership) {
    Relationship back = Relationship.of(rel.target, rel.mirror);
    Object oldKey = e.snapshot == null ? null : e.snapshot[rel.ownerKey];
    EntityEntry old = oldKey == null ? null : session.identityMap().get(new EntityKey(rel.target.identityType(), oldKey));
    if (old != null && old.entity != target && holds(old, back.index)
        && rel.target.getRelation(old.entity, back.index) instanceof Collection<?> col) {
      if (removeIdentity(col, e.entity) && membership != null) {
        membership.forget(col, e.entity);
      }
    }
    EntityEntry now = target == null ? null : session.identityMap().entryOf(target);
    if (now != null && holds(now, back.index)) {
      @SuppressWarnings("unchecked")
      Collection<Object> col = (Collection<Object>) rel.target.getRelation(target, back.index);
      if (col != null && !(membership != null ? membership.contains(col, e.entity) : containsIdentity(col, e.entity))) {
        col.add(e.entity);
        if (membership != null) {
          membership.added(col, e.entity);
        }
      }
    }
  }

  /**
   * Whether a plain or pending object's reference says something the last flush did not write: a
   * new object's always does; a flushed one's only when it names another row. When it still names
   * the row it was flushed with, the collection on the other side decides (an element removed
   * there is orphaned even though nothing could clear the plain object's reference).
   */
  private static boolean referenceChanged(EntityEntry e, Relationship rel) {
    if (e.snapshot == null) {
      return true;
    }
    Object target = e.mapping.getRelation(e.entity, rel.index);
    Object key = target == null ? null : rel.target.id(target);
    return !java.util.Objects.equals(key, e.snapshot[rel.ownerKey]);
  }

  /** The child leaves the loaded collection of the owner it pointed at before joining {@code owner}'s. */
  private static void leavePreviousOwner(SessionState session, Relationship rel, Relationship back, Object child,
      Object previousOwner, EntityEntry owner) {
    if (previousOwner == null || previousOwner == owner.entity) {
      return;
    }
    EntityEntry pe = session.identityMap().entryOf(previousOwner);
    if (pe != null && holds(pe, rel.index) && rel.owner.getRelation(previousOwner, rel.index) instanceof Collection<?> c) {
      session.withoutInterception(() -> removeIdentity(c, child));
    }
  }

  // --- tracked collections (TrackedCollection) --------------------------------------------------

  /** The application added {@code element} to a loaded collection of {@code owner}: the other side follows. */
  static void elementAdded(SessionState session, EntityEntry owner, Relationship rel, Object element) {
    Relationship back = Relationship.of(rel.target, rel.mirror);
    EntityEntry ce = session.identityMap().entryOf(element);
    session.withoutInterception(() -> {
      if (back.toMany()) { // many-to-many: the element's own collection gains the owner
        if (ce != null && holds(ce, back.index)
            && rel.target.getRelation(element, back.index) instanceof Collection<?> c && !containsIdentity(c, owner.entity)) {
          @SuppressWarnings("unchecked")
          Collection<Object> col = (Collection<Object>) c;
          col.add(owner.entity);
        }
        return null;
      }
      Object ref;
      if (ce != null && ce.managed && ce.state == EntityState.PERSISTENT && !ce.relationLoaded(back.index)) {
        // an unloaded reference: its key names the owner whose loaded collection it leaves
        Object key = rel.target.get(element, back.ownerKey);
        EntityEntry previous = key == null ? null : session.identityMap().get(rel.owner.identityType(), key);
        ref = previous == null ? null : previous.entity;
      } else {
        ref = rel.target.getRelation(element, back.index);
      }
      if (ref == owner.entity) {
        return null;
      }
      leavePreviousOwner(session, rel, back, element, ref, owner);
      rel.target.setRelation(element, back.index, owner.entity);
      if (ce != null) {
        ce.relationState(back.index, EntityEntry.LOADED);
        session.identityMap().watch(ce);
      }
      return null;
    });
  }

  /** The application removed {@code element} from a loaded collection of {@code owner}: the other side follows. */
  static void elementRemoved(SessionState session, EntityEntry owner, Relationship rel, Object element) {
    Relationship back = Relationship.of(rel.target, rel.mirror);
    EntityEntry ce = session.identityMap().entryOf(element);
    session.withoutInterception(() -> {
      if (back.toMany()) {
        if (ce != null && holds(ce, back.index) && rel.target.getRelation(element, back.index) instanceof Collection<?> c) {
          removeIdentity(c, owner.entity);
        }
        return null;
      }
      if (sameOwner(rel, back, element, owner)) {
        rel.target.setRelation(element, back.index, null);
        if (ce != null) {
          ce.relationState(back.index, EntityEntry.LOADED);
          session.identityMap().watch(ce);
        }
      }
      return null;
    });
  }

  private static boolean removeIdentity(Collection<?> c, Object o) {
    for (java.util.Iterator<?> it = c.iterator(); it.hasNext(); ) {
      if (it.next() == o) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  /** Which objects some collections hold, by identity, built once per collection for one flush. */
  private static final class Membership {
    private final java.util.Map<Collection<?>, Set<Object>> members = new IdentityHashMap<>();

    private Set<Object> of(Collection<?> c) {
      return members.computeIfAbsent(c, k -> {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(k);
        return set;
      });
    }

    boolean contains(Collection<?> c, Object o) {
      return of(c).contains(o);
    }

    void added(Collection<?> c, Object o) {
      of(c).add(o);
    }

    void forget(Collection<?> c, Object o) {
      Set<Object> set = members.get(c);
      if (set != null) {
        set.remove(o);
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
