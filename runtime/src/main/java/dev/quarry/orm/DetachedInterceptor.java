package dev.quarry.orm;

import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.EntityMapping;

/**
 * Held by generated subclasses that left their session: remembers their key and snapshot (so
 * {@code add} can re-attach them) and refuses reads of expired state, which would need a database.
 * Every object of a closing session gets one, so it holds the entry's fields itself rather than a
 * {@link DetachedRegistry.Detached} record made for each object.
 */
final class DetachedInterceptor implements EntityInterceptor {
  private final EntityMapping<Object> mapping;
  private final EntityKey key;
  private final Object[] snapshot;
  private final boolean expired;
  /**
   * Which relationships were loaded when the object left its session (null: none). The departing
   * entry's own array, not a copy: the entry is out of the session and nothing writes it any more.
   */
  private final byte[] relations;

  DetachedInterceptor(EntityEntry departing) {
    this.mapping = departing.mapping;
    this.key = departing.key;
    this.snapshot = departing.snapshot;
    this.expired = departing.expired;
    this.relations = departing.relations;
  }

  /** What the object had in its session. */
  DetachedRegistry.Detached info() {
    return new DetachedRegistry.Detached(key, snapshot, expired);
  }

  @Override
  public void beforeRead(Object entity, int property) {
    int r = property - mapping.table().columns().size();
    if (r >= 0 && (relations == null || relations[r] != EntityEntry.LOADED)) {
      throw new DetachedInstanceException(mapping.entityName(), key.id(),
          "loading relationship " + mapping.relation(r).name());
    }
    if (expired) {
      throw new DetachedInstanceException(mapping.entityName(), key.id(),
          "reading expired property " + (property < mapping.table().columns().size()
              ? mapping.propertyName(property) : "#" + property));
    }
  }

  @Override
  public void afterWrite(Object entity, int property) {}
}
