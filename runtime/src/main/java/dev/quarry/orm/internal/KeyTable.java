package dev.quarry.orm.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * The identity map's index by {@link EntityKey}: an open-addressing table (linear probing) of the
 * entries themselves, with each slot's hash kept beside it, looked up by class and id without
 * building a key. A {@code HashMap} here allocated a node per loaded row and re-hashed them as it
 * grew; reading a graph of 1,100 objects spent a tenth of its allocations on that. Comparing the
 * stored hash first keeps probes from dereferencing other rows' entries and keys.
 */
final class KeyTable {
  private static final int INITIAL_CAPACITY = 32;

  private EntityEntry[] slots = new EntityEntry[INITIAL_CAPACITY];
  private int[] hashes = new int[INITIAL_CAPACITY];
  private int size;

  int size() {
    return size;
  }

  /** The entry keyed by {@code type} and {@code id}, or null. */
  EntityEntry get(Class<?> type, Object id) {
    int h = hash(type, id);
    EntityEntry[] t = slots;
    int mask = t.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      EntityEntry e = t[i];
      if (e == null) {
        return null;
      }
      if (hashes[i] == h) {
        EntityKey k = e.key;
        if (k.type() == type && Objects.equals(k.id(), id)) {
          return e;
        }
      }
    }
  }

  /** Indexes {@code entry} by its (non-null) key, replacing an entry with an equal key. */
  void put(EntityEntry entry) {
    if (3 * (size + 1) > 2 * slots.length) {
      grow();
    }
    EntityKey key = entry.key;
    int h = hash(key.type(), key.id());
    EntityEntry[] t = slots;
    int mask = t.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      EntityEntry e = t[i];
      if (e == null) {
        t[i] = entry;
        hashes[i] = h;
        size++;
        return;
      }
      if (e == entry || hashes[i] == h && e.key.equals(key)) {
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
    int i = hash(key.type(), key.id()) & mask;
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
      int home = hashes[j] & mask;
      boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
      if (movable) {
        t[hole] = t[j];
        hashes[hole] = hashes[j];
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

  /** Doubles the table; the entries are distinct, so each goes to the first free slot of its run. */
  private void grow() {
    EntityEntry[] oldSlots = slots;
    int[] oldHashes = hashes;
    EntityEntry[] t = new EntityEntry[oldSlots.length * 2];
    int[] hs = new int[t.length];
    int mask = t.length - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] != null) {
        int i = oldHashes[j] & mask;
        while (t[i] != null) {
          i = (i + 1) & mask;
        }
        t[i] = oldSlots[j];
        hs[i] = oldHashes[j];
      }
    }
    slots = t;
    hashes = hs;
  }

  /** {@link EntityKey#hashCode}, spread so that sequential ids do not form long probe runs. */
  static int hash(Class<?> type, Object id) {
    int x = (31 * type.hashCode() + Objects.hashCode(id)) * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
