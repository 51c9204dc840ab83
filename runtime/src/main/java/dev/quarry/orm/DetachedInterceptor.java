package dev.quarry.orm;

import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.EntityMapping;

/**
 * Held by generated subclasses that left their session: remembers their key and snapshot (so
 * {@code add} can re-attach them) and refuses reads of expired state, which would need a database.
 */
final class DetachedInterceptor implements EntityInterceptor {
  private final EntityMapping<Object> mapping;
  final DetachedRegistry.Detached info;
  /** Which relationships were loaded when the object left its session (null: none). */
  private final byte[] relations;

  DetachedInterceptor(EntityMapping<Object> mapping, DetachedRegistry.Detached info, byte[] relations) {
    this.mapping = mapping;
    this.info = info;
    this.relations = relations == null ? null : relations.clone();
  }

  @Override
  public void beforeRead(Object entity, int property) {
    int r = property - mapping.table().columns().size();
    if (r >= 0 && (relations == null || relations[r] != EntityEntry.LOADED)) {
      throw new DetachedInstanceException(mapping.entityName(), info.key().id(),
          "loading relationship " + mapping.relation(r).name());
    }
    if (info.expired()) {
      throw new DetachedInstanceException(mapping.entityName(), info.key().id(),
          "reading expired property " + (property < mapping.table().columns().size()
              ? mapping.propertyName(property) : "#" + property));
    }
  }

  @Override
  public void afterWrite(Object entity, int property) {}
}
