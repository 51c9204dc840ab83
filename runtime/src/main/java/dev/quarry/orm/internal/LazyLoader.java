package dev.quarry.orm.internal;

import java.util.List;

/**
 * LAZY (SQLAlchemy's {@code lazy="select"}): nothing runs with the query; the first access of the
 * relationship through the generated subclass runs one SELECT for that object (none when a
 * referenced object is already in the identity map).
 */
final class LazyLoader implements LoadStrategy {
  static final LazyLoader INSTANCE = new LazyLoader();

  private LazyLoader() {}

  @Override
  public List<Object> afterRows(EntityLoader loader, Relationship rel, List<EntityEntry> owners) {
    return List.of();
  }

  @Override
  public void onAccess(SessionState session, Relationship rel, EntityEntry owner) {
    List<EntityEntry> one = List.of(owner);
    List<Object> loaded = RelatedRows.load(session.loader(), rel, one);
    LoadPipeline.afterLazyLoad(session, rel.target, loaded);
  }
}
