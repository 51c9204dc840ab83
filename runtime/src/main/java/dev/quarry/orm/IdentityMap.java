package dev.quarry.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every object a session tracks: persistent and deleted objects by {@link EntityKey} (one row,
 * one object), and all tracked objects — pending ones too — by object identity.
 */
final class IdentityMap {
  private final Map<EntityKey, EntityEntry> byKey = new HashMap<>();
  private final Map<Object, EntityEntry> byObject = new IdentityHashMap<>();
  private long sequence;

  EntityEntry get(EntityKey key) {
    return byKey.get(key);
  }

  EntityEntry entryOf(Object entity) {
    return byObject.get(entity);
  }

  int size() {
    return byKey.size();
  }

  boolean isEmpty() {
    return byObject.isEmpty();
  }

  long nextSequence() {
    return sequence++;
  }

  /** Tracks a new entry (pending: no key yet). */
  void track(EntityEntry entry) {
    byObject.put(entry.entity, entry);
    if (entry.key != null) {
      byKey.put(entry.key, entry);
    }
  }

  /** Gives {@code entry} its key (after INSERT, or when attaching). */
  void bind(EntityEntry entry, EntityKey key) {
    if (entry.key != null && !entry.key.equals(key)) {
      byKey.remove(entry.key, entry);
    }
    entry.key = key;
    byKey.put(key, entry);
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
    byObject.remove(entry.entity);
    if (entry.key != null) {
      byKey.remove(entry.key, entry);
    }
  }

  /** A copy of all entries, in no particular order. */
  List<EntityEntry> entries() {
    return new ArrayList<>(byObject.values());
  }

  Collection<EntityEntry> liveEntries() {
    return byObject.values();
  }

  void clear() {
    byKey.clear();
    byObject.clear();
  }
}
