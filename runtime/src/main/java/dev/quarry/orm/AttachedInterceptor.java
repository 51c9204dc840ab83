package dev.quarry.orm;

import dev.quarry.spi.EntityInterceptor;

/**
 * The interceptor of generated subclasses attached to a session: a read of an expired object
 * reloads its row; a write to an expired object reloads the rest of the row first and keeps the
 * written value. Relationship properties (indexes after the columns) are where lazy loaders hook in.
 */
final class AttachedInterceptor implements EntityInterceptor {
  private final SessionImpl session;

  AttachedInterceptor(SessionImpl session) {
    this.session = session;
  }

  SessionImpl session() {
    return session;
  }

  private EntityEntry expiredEntry(Object entity) {
    if (session.interceptionSuppressed()) {
      return null;
    }
    EntityEntry e = session.identityMap().entryOf(entity);
    return e != null && e.expired && e.state == EntityState.PERSISTENT && session.transaction().usable() ? e : null;
  }

  @Override
  public void beforeRead(Object entity, int property) {
    EntityEntry e = expiredEntry(entity);
    if (e != null && !session.reload(e)) {
      throw new ObjectDeletedException(e.mapping.entityName(), e.key.id());
    }
    if (session.interceptionSuppressed()) {
      return;
    }
    EntityEntry entry = e != null ? e : session.identityMap().entryOf(entity);
    if (entry != null) {
      int r = property - entry.mapping.table().columns().size();
      if (r >= 0 && entry.state == EntityState.PERSISTENT && entry.key != null && !entry.relationLoaded(r)) {
        Loading.onAccess(session, entry, r);
      }
    }
  }

  @Override
  public void afterWrite(Object entity, int property) {
    if (!session.interceptionSuppressed()) {
      EntityEntry entry = session.identityMap().entryOf(entity);
      int r = entry == null ? -1 : property - entry.mapping.table().columns().size();
      if (r >= 0) {
        RelationSync.afterSet(session, entry, r);
        return;
      }
    }
    EntityEntry e = expiredEntry(entity);
    if (e != null && property < e.mapping.table().columns().size()) {
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
