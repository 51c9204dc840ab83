package dev.quarry.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Cache regions over a JCache (JSR-107) provider, e.g. a distributed cache.
 *
 * <p>Kept apart from {@link CacheRegions} so that applications without {@code javax.cache} on
 * their path never load a class naming it.
 */
public final class JCacheRegions {

  private JCacheRegions() {}

  /**
   * A registry whose regions are caches of {@code manager}, which the application owns (and
   * closes). A region uses the manager's cache of the same name when the manager has one, as the
   * provider configured it (its expiry and size bound); otherwise it creates one whose entries
   * expire {@code ttl} after they were created or updated. JSR-107 has no size bound: {@code
   * maximumSize} is checked but must be configured in the provider. Values are stored as the
   * provider stores them (by value, i.e. serialized, unless configured otherwise).
   */
  public static CacheRegions of(CacheManager manager) {
    Objects.requireNonNull(manager, "manager");
    return new CacheRegions(
        new CacheRegions.Backend() {
          @Override
          public <K, V> CacheRegion<K, V> create(String name, Duration ttl, long maximumSize) {
            Cache<K, V> cache = manager.getCache(name);
            if (cache == null) {
              MutableConfiguration<K, V> configuration =
                  new MutableConfiguration<K, V>()
                      .setExpiryPolicyFactory(
                          ModifiedExpiryPolicy.factoryOf(
                              new javax.cache.expiry.Duration(
                                  TimeUnit.MILLISECONDS, Math.max(1, ttl.toMillis()))));
              cache = manager.createCache(name, configuration);
            }
            return new JCacheRegion<>(name, cache);
          }
        });
  }
}
