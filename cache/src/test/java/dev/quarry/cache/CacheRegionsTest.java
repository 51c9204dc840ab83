package dev.quarry.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheRegionsTest {

  CacheRegions regions =
      CacheRegions.caffeine(System::nanoTime, Runnable::run)
          .region("users", Duration.ofMinutes(5), 10_000)
          .region("countries", Duration.ofHours(12), 500);

  @Test
  void regionsAreLookedUpByName() {
    CacheRegion<Long, String> users = regions.region("users");
    assertEquals("users", users.name());
    assertSame(users, regions.region("users"));
    assertEquals(List.of("users", "countries"), List.copyOf(regions.names()));
  }

  @Test
  void anUnknownNameListsTheRegions() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> regions.region("orders"));
    assertEquals("no cache region named 'orders'; the regions are [users, countries]", e.getMessage());
  }

  @Test
  void aNameIsDefinedOnce() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> regions.region("users", Duration.ofMinutes(1), 10));
    assertTrue(e.getMessage().contains("'users' is already defined"), e.getMessage());
  }

  @Test
  void ttlAndMaximumSizeMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> regions.region("a", Duration.ZERO, 10));
    assertThrows(IllegalArgumentException.class, () -> regions.region("a", Duration.ofSeconds(-1), 10));
    assertThrows(IllegalArgumentException.class, () -> regions.region("a", Duration.ofSeconds(1), 0));
    assertThrows(IllegalArgumentException.class, () -> regions.region(" ", Duration.ofSeconds(1), 1));
    assertEquals(2, regions.names().size());
  }

  @Test
  void registriesShareNothing() {
    CacheRegions other = CacheRegions.caffeine().region("users", Duration.ofMinutes(5), 10);
    CacheRegion<Long, String> mine = regions.region("users");
    CacheRegion<Long, String> theirs = other.region("users");
    assertNotSame(mine, theirs);
    mine.put(1L, "ada");
    assertEquals(Optional.empty(), theirs.get(1L));
  }
}
