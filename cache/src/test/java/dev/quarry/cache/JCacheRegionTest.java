package dev.quarry.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JCache adapter over Caffeine's JSR-107 provider, one fresh cache manager per test. */
class JCacheRegionTest extends RegionContractTest {

  static final String PROVIDER = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";

  CacheManager manager;

  @BeforeEach
  void openManager() {
    CachingProvider provider = Caching.getCachingProvider(PROVIDER);
    manager =
        provider.getCacheManager(
            URI.create("quarry-test-" + UUID.randomUUID()), getClass().getClassLoader());
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  @Override
  CacheRegions regions() {
    return JCacheRegions.of(manager);
  }

  @Override
  boolean observesSize() {
    return false;
  }

  @Test
  void aCreatedCacheExpiresEntriesTheTtlAfterTheyWereWritten() {
    regions().region("users", Duration.ofMinutes(5), 100);
    @SuppressWarnings("unchecked")
    CompleteConfiguration<Object, Object> configuration =
        manager.getCache("users").getConfiguration(CompleteConfiguration.class);
    ExpiryPolicy expiry = configuration.getExpiryPolicyFactory().create();
    javax.cache.expiry.Duration fiveMinutes =
        new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, Duration.ofMinutes(5).toMillis());
    assertEquals(fiveMinutes, expiry.getExpiryForCreation());
    assertEquals(fiveMinutes, expiry.getExpiryForUpdate());
  }

  @Test
  void anExistingCacheOfTheManagerIsUsedAsConfigured() {
    Cache<String, String> existing =
        manager.createCache("countries", new MutableConfiguration<String, String>());
    existing.put("fr", "France");
    CacheRegion<String, String> region =
        regions().region("countries", Duration.ofMinutes(1), 10).region("countries");
    assertEquals(Optional.of("France"), region.get("fr"));
    region.put("de", "Germany");
    assertEquals("Germany", existing.get("de"));
    assertSame(existing, manager.getCache("countries"));
  }
}
