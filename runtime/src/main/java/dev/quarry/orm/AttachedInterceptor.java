package dev.quarry.orm;

import dev.quarry.spi.EntityInterceptor;

/**
 * The interceptor of one generated subclass instance attached to a session: a read of an expired
 * object reloads its row; a write to an expired object reloads the rest of the row first and keeps
 * the written value. Relationship properties (indexes after the columns) are where lazy loaders hook in.
 *
 * <p>One per object, holding the object's entry: every accessor call goes through here, and
 * finding the entry by object identity on each call was the largest per-access cost.
 * Whenever an entry leaves the identity map its object's interceptor is replaced (detached) or
 * cleared (transient), so the entry held here is always the live one.
 */
final class AttachedInterceptor implements EntityInterceptor {
  private final SessionImpl session;
  private final EntityEntry entry;
  /** Property indexes from here on are relationships. */
  private final int columns;

  AttachedInterceptor(SessionImpl session, EntityEntry entry) {
    this.session = session;
    this.entry = entry;
    this.columns = entry.mapping.table().columns().size();
  }

  SessionImpl session() {
    return session;
  }

  /** The entry of the object holding this interceptor. */
  EntityEntry entry() {
    return entry;
  }

  private boolean expired() {
    return entry.expired && entry.state == EntityState.PERSISTENT && session.transaction().usable();
  }

  @Override
  public void beforeRead(Object entity, int property) {
    if (session.interceptionSuppressed()) {
      return;
    }
    EntityEntry e = entry;
    if (expired() && !session.reload(e)) {
      throw new ObjectDeletedException(e.mapping.entityName(), e.key.id());
    }
    if (session.interceptionSuppressed()) {
      return;
    }
    int r = property - columns;
    if (r >= 0 && e.state == EntityState.PERSISTENT && e.key != null && !e.relationLoaded(r)) {
      Loading.onAccess(session, e, r);
    }
  }

  @Override
  public void afterWrite(Object entity, int property) {
    if (session.interceptionSuppressed()) {
      return;
    }
    EntityEntry e = entry;
    if (property >= columns) {
      RelationSync.afterSet(session, e, property - columns);
      return;
    }
    if (expired()) {
      Object written = e.mapping.get(entity, property);
      if (session.reload(e)) {
        session.withoutInterception(() -> {
          e.mapping.set(entity, property, written);
          return null;
        });
      }
    }
  }
}
