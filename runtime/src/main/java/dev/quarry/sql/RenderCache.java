package dev.quarry.sql;

import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.Vendor;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered SQL per statement shape, one map per dialect (a vendor and its identifier quoting). Only renderings that bind each collected
 * value through its own placeholder are kept (see {@link Rendered#bindsEveryValue}). Bounded: when a map outgrows
 * {@link #MAX_ENTRIES} (statements built from unbounded shapes, e.g. IN lists of every length),
 * an arbitrary tenth is evicted — a rendering is cheap to redo, memory is not.
 */
final class RenderCache {
  static final int MAX_ENTRIES = 4096;

  private static final Map<Dialect, ConcurrentHashMap<Collector.ShapeKey, Rendered>> CACHES =
      new ConcurrentHashMap<>();
  /** Number of renderings done (cache misses); read by tests to prove reuse. */
  static final AtomicLong RENDERS = new AtomicLong();

  private RenderCache() {}

  /** The cached rendering of the shape {@code key} for {@code dialect}, or null. */
  static Rendered lookup(Dialect dialect, Collector.ShapeKey key) {
    return cacheOf(dialect).get(key);
  }

  /**
   * Renders {@code root}, whose shape and values {@code collected} (a {@link Collector#recording}
   * collector) holds, and caches the rendering unless an equal one was cached meanwhile.
   */
  static Rendered render(Dialect dialect, Collector collected, Node root) {
    RenderContext ctx = new RenderContext(dialect, collected);
    root.render(ctx);
    Rendered r = ctx.result();
    RENDERS.incrementAndGet();
    if (!r.bindsEveryValue(collected.paramCount())) {
      // A node object used twice in the tree (where(p, q, p)): its placeholders all bind its
      // first occurrence's values, right for this statement but not for another statement of
      // the same shape with distinct nodes there. Such statements are rendered every time.
      return r;
    }
    ConcurrentHashMap<Collector.ShapeKey, Rendered> cache = cacheOf(dialect);
    if (cache.size() >= MAX_ENTRIES) {
      evictSome(cache);
    }
    Rendered previous = cache.putIfAbsent(collected.key().copy(), r);
    return previous != null ? previous : r;
  }

  private static void evictSome(ConcurrentHashMap<Collector.ShapeKey, Rendered> cache) {
    int toRemove = MAX_ENTRIES / 10;
    Iterator<Collector.ShapeKey> it = cache.keySet().iterator();
    while (toRemove-- > 0 && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  private static ConcurrentHashMap<Collector.ShapeKey, Rendered> cacheOf(Dialect dialect) {
    return CACHES.computeIfAbsent(dialect, d -> new ConcurrentHashMap<>());
  }

  /** Cached renderings for {@code vendor} with names quoted as needed; read by tests. */
  static int size(Vendor vendor) {
    return cacheOf(Dialect.of(vendor)).size();
  }
}
