/**
 * The ORM's second-level cache (entities by id, collections by owner) and query-result cache: the
 * region contract a store implements ({@link dev.quarry.orm.cache.CacheStore}) and the factory's
 * view of its caches ({@link dev.quarry.orm.cache.SecondLevelCache}). {@code quarry-cache} provides
 * stores on Caffeine and JCache.
 */
package dev.quarry.orm.cache;
