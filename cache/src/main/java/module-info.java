/**
 * Quarry's cache regions: named caches with a per-key creation lock, over Caffeine or a JCache
 * (JSR-107) provider; the stores of the ORM's second-level and query caches.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // cache-api ships no descriptor, only a file-derived name
module dev.quarry.cache {
  // CacheRegion is the ORM's CacheStore; CacheRegions its CacheStores
  requires transitive dev.quarry.runtime;
  // CacheRegions.caffeine(Ticker, Executor) names Caffeine's types
  requires transitive com.github.benmanes.caffeine;
  // Optional: only JCacheRegions needs it, and only applications that plug in a provider have it
  requires static cache.api;

  exports dev.quarry.cache;
}
