package dev.quarry.orm;

import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns result rows into entities through the identity map: a row whose object is already in
 * the session yields that object (reloaded only if expired); otherwise a new instance of the
 * generated subclass is read and becomes persistent. Relationship loaders (joined, select-in)
 * hook in here: they read extra columns of the same row or run follow-up statements per batch.
 */
final class EntityLoader {
  private final SessionImpl session;

  EntityLoader(SessionImpl session) {
    this.session = session;
  }

  /**
   * The entity whose columns start at JDBC index {@code first}, or null when its key columns are
   * NULL (an outer join that matched nothing).
   */
  Object load(EntityMapping<Object> m, ResultSet rs, int first, Vendor vendor) throws SQLException {
    Object id = m.readId(rs, first, vendor);
    if (id == null) {
      return null;
    }
    IdentityMap map = session.identityMap();
    EntityEntry existing = map.get(new EntityKey(m.entityType(), id));
    if (existing != null) {
      if (existing.expired && existing.state == EntityState.PERSISTENT) {
        populate(existing, rs, first, vendor);
      }
      return existing.entity;
    }
    Object entity = m.newManagedInstance(session.interceptor());
    EntityEntry e = new EntityEntry(entity, m, map.nextSequence());
    session.suppressInterception(true);
    try {
      m.read(rs, first, vendor, entity);
      e.snapshot = m.snapshot(entity);
    } finally {
      session.suppressInterception(false);
    }
    e.state = EntityState.PERSISTENT;
    e.key = new EntityKey(m.entityType(), id);
    map.track(e);
    session.dispatch(LifecycleEvent.AFTER_LOAD, e);
    return entity;
  }

  /** Overwrites an entry's object with the row's values: refresh, or reload of expired state. */
  void populate(EntityEntry e, ResultSet rs, int first, Vendor vendor) throws SQLException {
    session.suppressInterception(true);
    try {
      e.mapping.read(rs, first, vendor, e.entity);
      e.snapshot = e.mapping.snapshot(e.entity);
      e.expired = false;
    } finally {
      session.suppressInterception(false);
    }
    session.dispatch(LifecycleEvent.AFTER_LOAD, e);
  }
}
