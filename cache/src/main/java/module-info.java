/**
 * Quarry's cache regions: named caches with a per-key creation lock, over Caffeine or a JCache
 * (JSR-107) provider.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // cache-api ships no descriptor, only a file-derived name
module dev.quarry.cache {
  // CacheRegions.caffeine(Ticker, Executor) names Caffeine's types
  requires transitive com.github.benmanes.caffeine;
  // Optional: only JCacheRegions needs it, and only applications that plug in a provider have it
  requires static cache.api;

  exports dev.quarry.cache;
}
