package dev.quarry.orm.internal;

import dev.quarry.orm.EntityState;
import dev.quarry.spi.ManagedEntity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every object a session tracks: persistent and deleted objects by {@link EntityKey} (one row,
 * one object), and all tracked objects — pending ones too — by object identity.
 *
 * <p>By identity without hashing where possible: a generated subclass attached to this session
 * carries its entry as its interceptor, so only other objects (plain classes,
 * pending generated ones) go into the identity hash map. Growing that map for every loaded row was
 * the largest per-row cost of reading a graph. All entries are also kept in one list (each entry
 * knows its slot, so removal is a swap with the last).
 */
final class IdentityMap {
  private final KeyTable byKey = new KeyTable();
  private final Map<Object, EntityEntry> byObject = new IdentityHashMap<>();
  private final List<EntityEntry> all = new ArrayList<>();
  private final List<EntityEntry> allView = Collections.unmodifiableList(all);
  /**
   * The entries an autoflush visits: those that may hold a change. A generated subclass reports
   * writes through its setters ({@link #watch}), so a loaded object nobody wrote to is left out;
   * pending, plain and deleted objects, and objects holding loaded collections (whose add/remove
   * nobody intercepts) are always in. An explicit flush and commit still compare every object with
   * its snapshot, which also catches fields a business method wrote without a setter.
   */
  private final List<EntityEntry> watched = new ArrayList<>();
  private final List<EntityEntry> watchedView = Collections.unmodifiableList(watched);
  private long sequence;

  EntityEntry get(EntityKey key) {
    return byKey.get(key.type(), key.id());
  }

  /** As {@link #get(EntityKey)}, without building a key (the per-row lookup of every loader). */
  EntityEntry get(Class<?> type, Object id) {
    return byKey.get(type, id);
  }

  EntityEntry entryOf(Object entity) {
    if (entity instanceof ManagedEntity me && me.quarryInterceptor() instanceof EntityEntry e && !e.detached
        && tracked(e)) {
      return e;
    }
    return byObject.get(entity);
  }

  /** Whether {@code e} is in this map (a slot left over from another map or a cleared one does not match). */
  private boolean tracked(EntityEntry e) {
    return e.slot >= 0 && e.slot < all.size() && all.get(e.slot) == e;
  }

  int size() {
    return byKey.size();
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  long nextSequence() {
    return sequence++;
  }

  /**
   * Tracks a new entry (pending: no key yet), watched by autoflush. An entry whose object is already
   * attached through its own interceptor is found through it; any other object by identity hash.
   */
  void track(EntityEntry entry) {
    trackLoaded(entry);
    watch(entry);
  }

  /** Tracks an entry a query just read: a generated subclass is watched once it is written to. */
  void trackLoaded(EntityEntry entry) {
    entry.slot = all.size();
    all.add(entry);
    if (!(entry.entity instanceof ManagedEntity me && me.quarryInterceptor() == entry && !entry.detached)) {
      byObject.put(entry.entity, entry);
    }
    if (entry.key != null) {
      byKey.put(entry);
    }
    if (!entry.managed) {
      watch(entry); // only a snapshot can tell whether a plain object changed
    }
  }

  /** Makes autoflush visit {@code entry} until a flush finds it has nothing left to write. */
  void watch(EntityEntry entry) {
    if (!entry.watched && tracked(entry)) {
      entry.watched = true;
      watched.add(entry);
    }
  }

  /** The watched entries (see {@link #watched}); not to be iterated while entries are added. */
  List<EntityEntry> watchedEntries() {
    pruneWatched();
    return watchedView;
  }

  /** A copy of the watched entries. */
  List<EntityEntry> watchedCopy() {
    pruneWatched();
    return new ArrayList<>(watched);
  }

  /** Drops entries that left the map since (removing them from the list one by one would cost a scan each). */
  private void pruneWatched() {
    watched.removeIf(e -> {
      if (tracked(e)) {
        return false;
      }
      e.watched = false;
      return true;
    });
  }

  /**
   * After a flush wrote everything: written objects are clean again, and entries with nothing left
   * that a flush could find (a clean generated subclass holding no collection) stop being watched.
   */
  void settle() {
    watched.removeIf(e -> {
      e.written = false;
      boolean keep = tracked(e) && (e.state == EntityState.PENDING || !e.managed || e.markedDeleted
          || e.collections != null);
      e.watched = keep;
      return !keep;
    });
  }

  /** Gives {@code entry} its key (after INSERT, or when attaching). */
  void bind(EntityEntry entry, EntityKey key) {
    if (entry.key != null && !entry.key.equals(key)) {
      byKey.remove(entry.key, entry);
    }
    entry.key = key;
    byKey.put(entry);
  }

  /** Removes the key of {@code entry} (undoing an INSERT); the object stays tracked. */
  void unbind(EntityEntry entry) {
    if (entry.key != null) {
      byKey.remove(entry.key, entry);
      entry.key = null;
    }
  }

  /** Takes the entry out of key lookups but keeps its key (a flushed DELETE; rollback re-binds it). */
  void forgetKey(EntityEntry entry) {
    if (entry.key != null) {
      byKey.remove(entry.key, entry);
    }
  }

  void remove(EntityEntry entry) {
    if (tracked(entry)) {
      EntityEntry last = all.remove(all.size() - 1);
      if (last != entry) {
        all.set(entry.slot, last);
        last.slot = entry.slot;
      }
      entry.slot = -1;
    }
    byObject.remove(entry.entity);
    if (entry.key != null) {
      byKey.remove(entry.key, entry);
    }
  }

  /** A copy of all entries, in no particular order. */
  List<EntityEntry> entries() {
    return new ArrayList<>(all);
  }

  /** All entries, in no particular order; not to be iterated while entries are added or removed. */
  Collection<EntityEntry> liveEntries() {
    return allView;
  }

  void clear() {
    for (EntityEntry e : watched) {
      e.watched = false;
    }
    watched.clear();
    all.clear();
    byKey.clear();
    byObject.clear();
  }
}
