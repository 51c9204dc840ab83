package dev.quarry.orm.cache;

import java.util.Set;

/**
 * The named regions a session factory keeps cached entities, collections and query results in
 * ({@code SessionFactory.Builder.cache}); {@code quarry-cache}'s {@code CacheRegions} is one.
 */
public interface CacheStores {
  /**
   * The region named {@code name}.
   *
   * @throws IllegalArgumentException when no region has that name (the message lists the names)
   */
  <K, V> CacheStore<K, V> store(String name);

  /** Every region's name. */
  Set<String> names();
}
