package dev.quarry.orm.internal;

import dev.quarry.orm.Session;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers, weakly and by object identity, the plain objects that left a session (expunge,
 * close, commit of a delete): their key and last-known column values. That is how
 * {@link Session#state} tells a detached object from a transient one and how {@code add} re-attaches
 * a detached object as persistent instead of inserting it again. Generated subclasses carry the
 * same information in their interceptor slot instead.
 */
final class DetachedRegistry {
  /** What a detached object had in its session. */
  record Detached(EntityKey key, Object[] snapshot, boolean expired) {}

  private final Map<IdentityRef, Detached> map = new HashMap<>();
  private final ReferenceQueue<Object> queue = new ReferenceQueue<>();

  synchronized void put(Object entity, Detached detached) {
    purge();
    map.put(new IdentityRef(entity, queue), detached);
  }

  synchronized Detached get(Object entity) {
    purge();
    return map.get(new IdentityRef(entity, null));
  }

  synchronized Detached remove(Object entity) {
    purge();
    return map.remove(new IdentityRef(entity, null));
  }

  private void purge() {
    Object ref;
    while ((ref = queue.poll()) != null) {
      map.remove(ref);
    }
  }

  /** A weak reference compared by referent identity. */
  private static final class IdentityRef extends WeakReference<Object> {
    private final int hash;

    IdentityRef(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      Object mine = get();
      return o instanceof IdentityRef r && mine != null && mine == r.get();
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
