package dev.quarry.orm.internal;

import dev.quarry.orm.Model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quarry.spi.EntityMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The identity map's open-addressing index against a {@code HashMap} doing the same operations:
 * growth, replacement, removal by identity (backward-shift deletion) and clearing, with ids drawn
 * from a small range so probe runs collide and wrap around the table.
 */
class KeyTableTest {
  @SuppressWarnings("unchecked")
  private static final EntityMapping<Object> AUTHOR = (EntityMapping<Object>) (EntityMapping<?>) Model.AUTHOR;
  @SuppressWarnings("unchecked")
  private static final EntityMapping<Object> BOOK = (EntityMapping<Object>) (EntityMapping<?>) Model.BOOK;

  private static EntityEntry entry(EntityMapping<Object> m, Object id) {
    EntityEntry e = new EntityEntry(new Object(), m, 0);
    e.key = new EntityKey(m.identityType(), id);
    return e;
  }

  @Test
  void findsWhatWasPutByClassAndId() {
    KeyTable t = new KeyTable();
    List<EntityEntry> entries = new ArrayList<>();
    for (long id = 1; id <= 1_000; id++) {
      EntityEntry book = entry(BOOK, id);
      EntityEntry author = entry(AUTHOR, id);
      t.put(book);
      t.put(author);
      entries.add(book);
      entries.add(author);
    }
    assertEquals(2_000, t.size());
    for (EntityEntry e : entries) {
      assertSame(e, t.get(e.key.type(), e.key.id()));
    }
    assertNull(t.get(BOOK.identityType(), 1_001L));
    assertNull(t.get(BOOK.identityType(), 1)); // an Integer is not the Long key
  }

  @Test
  void anEqualKeyReplacesAndRemovalIsByIdentity() {
    KeyTable t = new KeyTable();
    EntityEntry first = entry(BOOK, 7L);
    EntityEntry second = entry(BOOK, 7L);
    t.put(first);
    t.put(second);
    assertEquals(1, t.size());
    assertSame(second, t.get(BOOK.identityType(), 7L));
    t.remove(first.key, first); // no longer mapped: nothing happens
    assertSame(second, t.get(BOOK.identityType(), 7L));
    t.remove(second.key, second);
    assertNull(t.get(BOOK.identityType(), 7L));
    assertEquals(0, t.size());
  }

  @Test
  void randomOperationsAgreeWithAHashMap() {
    Random random = new Random(42);
    for (int trial = 0; trial < 20; trial++) {
      KeyTable t = new KeyTable();
      Map<EntityKey, EntityEntry> expected = new HashMap<>();
      for (int op = 0; op < 5_000; op++) {
        EntityMapping<Object> m = random.nextBoolean() ? BOOK : AUTHOR;
        long id = random.nextInt(300);
        EntityKey key = new EntityKey(m.identityType(), id);
        int what = random.nextInt(10);
        if (what < 5) {
          EntityEntry e = entry(m, id);
          t.put(e);
          expected.put(key, e);
        } else if (what < 9) {
          EntityEntry present = expected.get(key);
          if (present != null) {
            t.remove(key, present);
            expected.remove(key);
          }
        } else if (random.nextInt(50) == 0) {
          t.clear();
          expected.clear();
        }
        assertEquals(expected.size(), t.size());
      }
      for (long id = 0; id < 300; id++) {
        for (EntityMapping<Object> m : List.of(BOOK, AUTHOR)) {
          assertSame(expected.get(new EntityKey(m.identityType(), id)), t.get(m.identityType(), id),
              "trial " + trial + ", " + m.entityName() + " " + id);
        }
      }
    }
  }
}
