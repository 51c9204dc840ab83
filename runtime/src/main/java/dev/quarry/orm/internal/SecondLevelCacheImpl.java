package dev.quarry.orm.internal;

import dev.quarry.engine.Engine;
import dev.quarry.orm.cache.CacheStore;
import dev.quarry.orm.cache.CacheStores;
import dev.quarry.orm.cache.RegionStatistics;
import dev.quarry.orm.cache.SecondLevelCache;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.JoinedTables;
import dev.quarry.sql.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session factory's second-level cache (rows of {@code @Cached} entities by id, element ids of
 * {@code @Cached} collections by owner) and query cache ({@code EntityQuery.cached}), over the
 * application's {@link CacheStores}.
 *
 * <p>Every read checks, and every put is refused unless, nothing the entry depends on was
 * invalidated after the stamp of the transaction that read it ({@link CacheInvalidations}). A put
 * checks its key again after storing: an invalidation records its stamp <em>before</em> it drops the
 * key from the store, so a put racing it is either dropped by it or sees it and drops itself.
 * Invalidations run when the writing transaction commits ({@link SessionCache}); a rollback
 * invalidates nothing, as nothing cached was ever written from it.
 */
final class SecondLevelCacheImpl implements SecondLevelCache {
  private static final CacheStore<Object, Object> NONE = new NoStore();

  private final CacheStores stores;
  private final String database;
  final CacheInvalidations invalidations;
  private final Map<EntityMapping<?>, CacheStore<Object, Object>> entityStores = new ConcurrentHashMap<>();
  private final Map<EntityMapping<?>, List<String>> entityScopes = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> queryTables = new ConcurrentHashMap<>();
  private final Map<String, CacheStore<Object, Object>> byRegion = new ConcurrentHashMap<>();

  SecondLevelCacheImpl(Engine engine, CacheStores stores) {
    this.stores = stores;
    // an engine over a DataSource may have no URL: its keys are then this JVM's engine's own
    this.database = engine.url() != null ? engine.url() : "engine@" + Integer.toHexString(System.identityHashCode(engine));
    this.invalidations = CacheInvalidations.of(engine);
    checkRegions(stores);
  }

  /** Every region a compiled entity or collection names must exist: found at build, not at the first load. */
  private static void checkRegions(CacheStores stores) {
    Set<String> names = stores.names();
    for (EntityMapping<?> m : dev.quarry.spi.Mappings.all().values()) {
      if (m.cacheRegion() != null && !names.contains(m.cacheRegion())) {
        throw new IllegalArgumentException(m.entityName() + " is @Cached(\"" + m.cacheRegion()
            + "\") but the cache stores have no region of that name; the regions are " + names);
      }
      for (int r = 0; r < m.relationCount(); r++) {
        String region = m.relation(r).cacheRegion();
        if (region != null && !names.contains(region)) {
          throw new IllegalArgumentException(m.entityName() + "." + m.relation(r).name() + " is @Cached(\"" + region
              + "\") but the cache stores have no region of that name; the regions are " + names);
        }
      }
    }
  }

  /** The region named {@code name}, looked up once (an unknown name fails, listing the regions). */
  private CacheStore<Object, Object> store(String name) {
    return byRegion.computeIfAbsent(name, stores::store);
  }

  // --- entities ---------------------------------------------------------------------------------

  /** The store of {@code m}'s rows, or null when its class is not {@code @Cached}. */
  CacheStore<Object, Object> entityStore(EntityMapping<?> m) {
    CacheStore<Object, Object> s = entityStores.computeIfAbsent(m,
        k -> k.cacheRegion() == null ? NONE : store(k.cacheRegion()));
    return s == NONE ? null : s;
  }

  Object entityKey(EntityMapping<?> m, Object id) {
    return new CacheEntries.EntityKey(database, m.identityType().getName(), id);
  }

  /** The cached row of {@code m}'s hierarchy with {@code id}, or null. */
  CacheEntries.Row entity(EntityMapping<?> m, Object id) {
    CacheStore<Object, Object> store = entityStore(m);
    return store == null ? null : read(store, entityKey(m, id), scopes(m), CacheEntries.Row.class);
  }

  /** Caches a row read by a transaction that began at {@code stamp}, unless it may be stale. */
  void putEntity(EntityMapping<?> m, Object id, Object[] values, long stamp) {
    CacheStore<Object, Object> store = entityStore(m);
    if (store != null) {
      put(store, entityKey(m, id), scopes(m), new CacheEntries.Row(m.entityType(), values, stamp));
    }
  }

  /**
   * The value cached for {@code key}, or null when there is none or it may be stale: something it
   * depends on ({@code scopes}: a bulk write of its table, an eviction) was invalidated after it was
   * read; then it is dropped too.
   */
  private <T extends CacheEntries.Stamped> T read(CacheStore<Object, Object> store, Object key, List<String> scopes,
      Class<T> type) {
    Optional<Object> hit = store.get(key);
    if (hit.isEmpty() || !type.isInstance(hit.get())) {
      return null;
    }
    T value = type.cast(hit.get());
    if (!invalidations.unchangedSince(scopes, value.stamp())) {
      store.invalidate(key);
      return null;
    }
    return value;
  }

  /**
   * Caches {@code value} unless its key or a scope it depends on was invalidated after it was read,
   * and checks the key again after storing: an invalidation that raced the put has recorded its
   * stamp by then (it records before it drops), so either it dropped our value or we see it here.
   */
  private void put(CacheStore<Object, Object> store, Object key, List<String> scopes, CacheEntries.Stamped value) {
    long stamp = value.stamp();
    if (!invalidations.keyUnchangedSince(key, stamp) || !invalidations.unchangedSince(scopes, stamp)) {
      return;
    }
    store.put(key, value);
    if (!invalidations.keyUnchangedSince(key, stamp)) {
      store.invalidate(key);
    }
  }

  /** What a cached row of {@code m} depends on besides its key: its tables' bulk writes, evictions of its type. */
  private List<String> scopes(EntityMapping<?> m) {
    return entityScopes.computeIfAbsent(m, k -> {
      List<String> out = new ArrayList<>();
      for (Table t : storedTables(k)) {
        out.add("b:" + t.qualifiedName());
      }
      out.add(typeScope(k.identityType()));
      return List.copyOf(out);
    });
  }

  private static List<Table> storedTables(EntityMapping<?> m) {
    JoinedTables joined = m.polymorphism() == null ? null : m.polymorphism().joined();
    return joined == null ? List.of(m.table()) : joined.tables();
  }

  private static String typeScope(Class<?> identityType) {
    return "e:" + identityType.getName();
  }

  // --- collections ------------------------------------------------------------------------------

  /** The store of {@code rel}'s collections, or null when the relationship is not {@code @Cached}. */
  CacheStore<Object, Object> collectionStore(Relationship rel) {
    String region = rel.info.cacheRegion();
    return region == null ? null : store(region);
  }

  Object collectionKey(Relationship rel, Object ownerId) {
    return new CacheEntries.CollectionKey(database, rel.owner.identityType().getName(), rel.info.name(), ownerId);
  }

  /** The cached element ids of {@code ownerId}'s collection {@code rel}, or null. */
  List<Object> collection(Relationship rel, Object ownerId) {
    CacheStore<Object, Object> store = collectionStore(rel);
    CacheEntries.Ids ids = store == null ? null
        : read(store, collectionKey(rel, ownerId), collectionScopes(rel), CacheEntries.Ids.class);
    return ids == null ? null : ids.ids();
  }

  void putCollection(Relationship rel, Object ownerId, List<Object> elementIds, long stamp) {
    CacheStore<Object, Object> store = collectionStore(rel);
    if (store != null) {
      put(store, collectionKey(rel, ownerId), collectionScopes(rel), new CacheEntries.Ids(List.copyOf(elementIds), stamp));
    }
  }

  /** Drops one owner's cached collection now (its elements turned out to be gone). */
  void dropCollection(Relationship rel, Object ownerId) {
    CacheStore<Object, Object> store = collectionStore(rel);
    if (store != null) {
      Object key = collectionKey(rel, ownerId);
      invalidations.keyInvalidated(key, invalidations.now());
      store.invalidate(key);
    }
  }

  private List<String> collectionScopes(Relationship rel) {
    List<String> out = new ArrayList<>(3);
    for (Table t : storedTables(rel.target)) {
      out.add("b:" + t.qualifiedName());
    }
    if (rel.joinTable != null) {
      out.add("b:" + rel.joinTable.qualifiedName());
    }
    out.add(collectionScope(rel.owner.identityType(), rel.info.name()));
    return out;
  }

  private static String collectionScope(Class<?> owner, String relation) {
    return "c:" + owner.getName() + "." + relation;
  }

  // --- queries ----------------------------------------------------------------------------------

  Object queryKey(String sql, List<Object> values) {
    return new CacheEntries.QueryKey(database, sql, values);
  }

  /** The tables a query of this SQL reads, worked out once per SQL text. */
  Set<String> tablesOf(String sql, java.util.function.Supplier<Set<String>> tables) {
    if (queryTables.size() > 4096) {
      queryTables.clear(); // unbounded shapes (IN lists of every length): recomputing is cheap
    }
    return queryTables.computeIfAbsent(sql, k -> tables.get());
  }

  /** The cached result of a query in {@code region}, or null. */
  List<Object> query(String region, Object key, Set<String> tables) {
    CacheEntries.Ids ids = read(store(region), key, queryScopes(region, tables), CacheEntries.Ids.class);
    return ids == null ? null : ids.ids();
  }

  void putQuery(String region, Object key, Set<String> tables, List<Object> result, long stamp) {
    put(store(region), key, queryScopes(region, tables), new CacheEntries.Ids(List.copyOf(result), stamp));
  }

  private static List<String> queryScopes(String region, Set<String> tables) {
    List<String> out = new ArrayList<>(tables.size() + 1);
    for (String t : tables) {
      out.add("t:" + t);
    }
    out.add("q:" + region);
    return out;
  }

  // --- invalidation at commit -------------------------------------------------------------------

  /**
   * What a committed transaction wrote: keyed rows and collections, tables (query results over
   * them go) and tables written by statements whose rows are unknown (every entry over them goes).
   * Each stamp is recorded before the store drops the key (see the class description).
   */
  void invalidate(Map<CacheStore<Object, Object>, Set<Object>> keys, Set<String> tables, Set<String> bulkTables) {
    long at = invalidations.now();
    invalidations.tablesWritten(tables, false, at);
    invalidations.tablesWritten(bulkTables, true, at);
    for (Map.Entry<CacheStore<Object, Object>, Set<Object>> byStore : keys.entrySet()) {
      for (Object key : byStore.getValue()) {
        invalidations.keyInvalidated(key, at);
      }
      for (Object key : byStore.getValue()) {
        byStore.getKey().invalidate(key);
      }
    }
  }

  // --- the public view --------------------------------------------------------------------------

  @Override
  public boolean contains(Class<?> type, Object id) {
    EntityMapping<Object> m = FactoryState.mapping(type);
    return entity(m, IdNormalizer.normalize(m, Objects.requireNonNull(id, "id"))) != null;
  }

  @Override
  public void evict(Class<?> type, Object id) {
    EntityMapping<Object> m = FactoryState.mapping(type);
    CacheStore<Object, Object> store = entityStore(m);
    if (store != null) {
      Object key = entityKey(m, IdNormalizer.normalize(m, Objects.requireNonNull(id, "id")));
      invalidations.keyInvalidated(key, invalidations.now());
      store.invalidate(key);
    }
  }

  @Override
  public void evictAll(Class<?> type) {
    invalidations.scopeInvalidated(typeScope(FactoryState.mapping(type).identityType()), invalidations.now());
  }

  @Override
  public void evictCollections(Class<?> ownerType, String relation) {
    EntityMapping<Object> m = FactoryState.mapping(ownerType);
    for (int r = 0; r < m.relationCount(); r++) {
      if (m.relation(r).name().equals(relation)) {
        invalidations.scopeInvalidated(collectionScope(m.identityType(), relation), invalidations.now());
        return;
      }
    }
    throw new IllegalArgumentException(m.entityName() + " has no relationship named '" + relation + "'");
  }

  @Override
  public void evictQueries(String region) {
    invalidations.scopeInvalidated("q:" + region, invalidations.now());
    store(region).invalidateAll();
  }

  @Override
  public void evictAll() {
    invalidations.scopeInvalidated(CacheInvalidations.ANY, invalidations.now());
    for (String name : stores.names()) {
      stores.store(name).invalidateAll();
    }
  }

  @Override
  public List<RegionStatistics> statistics() {
    List<RegionStatistics> out = new ArrayList<>();
    for (String name : stores.names()) {
      out.add(stores.store(name).statistics());
    }
    return out;
  }

  /** The marker for "this mapping is not cached" in the lookup map, which holds no nulls. */
  private static final class NoStore implements CacheStore<Object, Object> {
    @Override
    public String name() {
      return "";
    }

    @Override
    public Optional<Object> get(Object key) {
      return Optional.empty();
    }

    @Override
    public void put(Object key, Object value) {}

    @Override
    public void invalidate(Object key) {}

    @Override
    public void invalidateAll() {}

    @Override
    public RegionStatistics statistics() {
      return new RegionStatistics("", 0, 0, 0, 0, 0);
    }
  }
}
