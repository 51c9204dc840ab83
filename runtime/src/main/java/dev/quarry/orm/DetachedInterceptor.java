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

  DetachedInterceptor(EntityMapping<Object> mapping, DetachedRegistry.Detached info) {
    this.mapping = mapping;
    this.info = info;
  }

  @Override
  public void beforeRead(Object entity, int property) {
    if (info.expired()) {
      throw new DetachedInstanceException(mapping.entityName(), info.key().id(),
          "reading expired property " + (property < mapping.table().columns().size()
              ? mapping.propertyName(property) : "#" + property));
    }
  }

  @Override
  public void afterWrite(Object entity, int property) {}
}
