package dev.quarry.orm.internal;

import dev.quarry.engine.Engine;
import dev.quarry.engine.EngineListener;
import dev.quarry.engine.Executable;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When cached data stopped being true, per engine: the clock that stamps cache entries and
 * invalidations, the last invalidation of each cached key, and of each <em>scope</em> — a table
 * written ({@code t:}), a table written by statements whose rows are unknown ({@code b:}: bulk and
 * Core statements, raw SQL), an entity type, collection or query region evicted by hand.
 *
 * <p>A cache entry carries the stamp of the transaction that read it, taken when that transaction
 * began (before its first read), and is good only while nothing it depends on was invalidated after
 * that stamp. This is what closes the race Hibernate's {@code putFromLoad} closes: a load that read a
 * row before another transaction committed a change to it must not cache what it read after that
 * commit's invalidation — its stamp is older than the invalidation, so the put is refused. Stamps
 * are taken from the wall clock (shifted, made unique), so that entries written by another JVM into
 * a shared store compare roughly right; the race itself is closed for the transactions of this JVM.
 *
 * <p>Keyed invalidations are kept only as long as a transaction that began before them is still
 * open (see {@link #begin}); scopes are few (one per table, type, region) and kept.
 */
final class CacheInvalidations implements EngineListener {
  /** The scope that every entry depends on: raw SQL that changed unknown tables. */
  static final String ANY = Executable.ANY_TABLE;
  private static final int PRUNE_ABOVE = 4096;

  private final AtomicLong clock = new AtomicLong();
  private final ConcurrentHashMap<Object, Long> keys = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> scopes = new ConcurrentHashMap<>();
  /** Open transactions that may still put what they read, by token, with their stamps. */
  private final ConcurrentHashMap<Object, Long> open = new ConcurrentHashMap<>();

  /** The engine's one instance, listening to the Core statements and raw SQL it commits. */
  static CacheInvalidations of(Engine engine) {
    return engine.extension(CacheInvalidations.class, () -> {
      CacheInvalidations invalidations = new CacheInvalidations();
      engine.addListener(invalidations);
      return invalidations;
    });
  }

  /** A new stamp, later than every stamp before it. */
  long now() {
    long wall = System.currentTimeMillis() << 12;
    return clock.updateAndGet(last -> Math.max(last + 1, wall));
  }

  /** A transaction that may put what it reads begins: its stamp, kept until {@link #end}. */
  long begin(Object token) {
    long stamp = now();
    open.put(token, stamp);
    return stamp;
  }

  void end(Object token) {
    open.remove(token);
  }

  /** Whether {@code key} was not invalidated after {@code stamp}. */
  boolean keyUnchangedSince(Object key, long stamp) {
    Long at = keys.get(key);
    return at == null || at <= stamp;
  }

  /** Whether none of {@code scopes}, nor {@link #ANY}, was invalidated after {@code stamp}. */
  boolean unchangedSince(Collection<String> scopes, long stamp) {
    if (!scopeUnchangedSince(ANY, stamp)) {
      return false;
    }
    for (String s : scopes) {
      if (!scopeUnchangedSince(s, stamp)) {
        return false;
      }
    }
    return true;
  }

  boolean scopeUnchangedSince(String scope, long stamp) {
    Long at = scopes.get(scope);
    return at == null || at <= stamp;
  }

  /** Records {@code key} invalidated at {@code at} (before the store drops it: see {@link SecondLevelCacheImpl}). */
  void keyInvalidated(Object key, long at) {
    keys.merge(key, at, Math::max);
    if (keys.size() > PRUNE_ABOVE) {
      prune();
    }
  }

  void scopeInvalidated(String scope, long at) {
    scopes.merge(scope, at, Math::max);
  }

  /** Tables written by committed statements whose rows are unknown: every entry over them goes. */
  void tablesWritten(Set<String> tables, boolean rowsUnknown, long at) {
    for (String t : tables) {
      if (ANY.equals(t)) {
        scopeInvalidated(ANY, at);
      } else {
        scopeInvalidated("t:" + t, at);
        if (rowsUnknown) {
          scopeInvalidated("b:" + t, at);
        }
      }
    }
  }

  /** Core statements and raw SQL committed through the engine (sessions' {@code execute} too). */
  @Override
  public void changesCommitted(Set<String> tables) {
    tablesWritten(tables, true, now());
  }

  /** Forgets keyed invalidations no open transaction can be older than. */
  private void prune() {
    long oldest = Long.MAX_VALUE;
    for (Long s : open.values()) {
      oldest = Math.min(oldest, s);
    }
    long limit = oldest;
    keys.values().removeIf(at -> at < limit);
  }
}
