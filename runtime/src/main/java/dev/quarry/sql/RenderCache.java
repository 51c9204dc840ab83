package dev.quarry.sql;

import dev.quarry.sql.dialect.Dialect;
import dev.quarry.types.Vendor;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered SQL per statement shape, one map per vendor. Bounded: when a map outgrows
 * {@link #MAX_ENTRIES} (statements built from unbounded shapes, e.g. IN lists of every length),
 * an arbitrary tenth is evicted — a rendering is cheap to redo, memory is not.
 */
final class RenderCache {
  static final int MAX_ENTRIES = 4096;

  private static final Map<Vendor, ConcurrentHashMap<Collector.ShapeKey, Rendered>> CACHES = new EnumMap<>(Vendor.class);
  /** Number of renderings done (cache misses); read by tests to prove reuse. */
  static final AtomicLong RENDERS = new AtomicLong();

  static {
    for (Vendor v : Vendor.values()) {
      CACHES.put(v, new ConcurrentHashMap<>());
    }
  }

  private RenderCache() {}

  /** The rendering of the collected statement, rendering {@code root} only on a miss. */
  static Rendered get(Dialect dialect, Collector collected, Node root) {
    ConcurrentHashMap<Collector.ShapeKey, Rendered> cache = CACHES.get(dialect.vendor());
    Collector.ShapeKey key = collected.key();
    Rendered r = cache.get(key);
    if (r == null) {
      RenderContext ctx = new RenderContext(dialect, collected);
      root.render(ctx);
      r = ctx.result();
      RENDERS.incrementAndGet();
      if (cache.size() >= MAX_ENTRIES) {
        evictSome(cache);
      }
      Rendered previous = cache.putIfAbsent(key.trimmed(), r);
      if (previous != null) {
        r = previous;
      }
    }
    return r;
  }

  private static void evictSome(ConcurrentHashMap<Collector.ShapeKey, Rendered> cache) {
    int toRemove = MAX_ENTRIES / 10;
    Iterator<Collector.ShapeKey> it = cache.keySet().iterator();
    while (toRemove-- > 0 && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  static int size(Vendor vendor) {
    return CACHES.get(vendor).size();
  }
}
