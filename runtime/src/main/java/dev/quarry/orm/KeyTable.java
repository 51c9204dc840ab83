package dev.quarry.orm;

import java.util.Arrays;
import java.util.Objects;

/**
 * The identity map's index by {@link EntityKey}: an open-addressing table (linear probing) of the
 * entries themselves, looked up by class and id without building a key. A {@code HashMap} here
 * allocated a node per loaded row and re-hashed them as it grew; reading a graph of 1,100 objects
 * spent a tenth of its allocations on that.
 */
final class KeyTable {
  private static final int INITIAL_CAPACITY = 64;

  private EntityEntry[] slots = new EntityEntry[INITIAL_CAPACITY];
  private int size;

  int size() {
    return size;
  }

  /** The entry keyed by {@code type} and {@code id}, or null. */
  EntityEntry get(Class<?> type, Object id) {
    EntityEntry[] t = slots;
    int mask = t.length - 1;
    for (int i = hash(type, id) & mask; ; i = (i + 1) & mask) {
      EntityEntry e = t[i];
      if (e == null) {
        return null;
      }
      EntityKey k = e.key;
      if (k.type() == type && Objects.equals(k.id(), id)) {
        return e;
      }
    }
  }

  /** Indexes {@code entry} by its (non-null) key, replacing an entry with an equal key. */
  void put(EntityEntry entry) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    EntityKey key = entry.key;
    EntityEntry[] t = slots;
    int mask = t.length - 1;
    for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
      EntityEntry e = t[i];
      if (e == null) {
        t[i] = entry;
        size++;
        return;
      }
      if (e == entry || e.key.equals(key)) {
        t[i] = entry;
        return;
      }
    }
  }

  /**
   * Removes the mapping of {@code key} if it is {@code entry} (compared by identity). The key is
   * passed apart from the entry because a caller may be re-keying the entry.
   */
  void remove(EntityKey key, EntityEntry entry) {
    EntityEntry[] t = slots;
    int mask = t.length - 1;
    int i = spread(key.hashCode()) & mask;
    while (t[i] != null && t[i] != entry) {
      i = (i + 1) & mask;
    }
    if (t[i] == null) {
      return;
    }
    // backward-shift deletion: move later entries of the probe run into the hole, so lookups
    // never stop early at it (no tombstones)
    int hole = i;
    for (int j = (hole + 1) & mask; t[j] != null; j = (j + 1) & mask) {
      int home = spread(t[j].key.hashCode()) & mask;
      boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
      if (movable) {
        t[hole] = t[j];
        hole = j;
      }
    }
    t[hole] = null;
    size--;
  }

  void clear() {
    if (size > 0) {
      Arrays.fill(slots, null);
      size = 0;
    }
  }

  private void grow() {
    EntityEntry[] old = slots;
    slots = new EntityEntry[old.length * 2];
    size = 0;
    for (EntityEntry e : old) {
      if (e != null) {
        put(e);
      }
    }
  }

  /** The same hash as {@link EntityKey#hashCode}, spread so sequential ids do not cluster. */
  static int hash(Class<?> type, Object id) {
    return spread(31 * type.hashCode() + Objects.hashCode(id));
  }

  static int spread(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
