package dev.quarry.orm.internal;

import dev.quarry.annotation.FetchType;
import dev.quarry.orm.DetachedInstanceException;
import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.EntityMapping;

/**
 * The interceptor shared by the objects an untracked read reads without an entry each: objects of
 * one class whose loaded state is the same for all of them, and which no other object of the read
 * can be (no identity lookup needed). {@link LoadPipeline} chooses it for the rows of a read that
 * loads no relationship, and for the elements of a one-to-many with nothing loaded below them,
 * whose only loaded relationship is their back-reference. Reading a 1,000-element collection then
 * costs the objects alone, not an entry, key and identity slot each.
 *
 * <p>Such an object answers as any detached object: columns read freely, the loaded relationship
 * (an element's back-reference) is there, NOLOAD and RAISE relationships answer as their strategy
 * says, and any other relationship throws {@link DetachedInstanceException}; {@code add} refuses it
 * and {@code merge} copies it.
 */
final class SharedInterceptor implements EntityInterceptor {
  final EntityMapping<Object> mapping;
  private final int columns;
  /** The loaded relationship (an element's back-reference to its owner), or -1. */
  private final int loaded;

  private SharedInterceptor(EntityMapping<Object> mapping, int loaded) {
    this.mapping = mapping;
    this.columns = mapping.table().columns().size();
    this.loaded = loaded;
  }

  /**
   * The interceptor for objects of {@code mapping} whose one loaded relationship is {@code loaded}
   * (or -1), when the class can share one: a generated subclass outside any inheritance hierarchy
   * (each row's class would have its own properties), with no NOLOAD reference but {@code loaded}
   * (its null must be remembered per object). Else null.
   */
  static SharedInterceptor of(EntityMapping<Object> mapping, int loaded) {
    if (!mapping.supportsInterception() || mapping.polymorphism() != null) {
      return null;
    }
    for (int r = 0; r < mapping.relationCount(); r++) {
      dev.quarry.spi.RelationInfo info = mapping.relation(r);
      if (info.fetch() == FetchType.NOLOAD && !info.toMany() && r != loaded) {
        return null;
      }
    }
    return new SharedInterceptor(mapping, loaded);
  }

  @Override
  public void beforeRead(Object entity, int property) {
    int r = property - columns;
    if (r < 0 || r == loaded) {
      return;
    }
    FetchType strategy = mapping.relation(r).fetch();
    Relationship rel = Relationship.of(mapping, r);
    if (strategy == FetchType.NOLOAD) {
      if (mapping.getRelation(entity, r) == null) {
        mapping.setRelation(entity, r, rel.toMany() ? rel.newCollection() : null);
      }
      return;
    }
    if (strategy == FetchType.RAISE) {
      RaiseLoader.INSTANCE.refuse(rel, mapping.id(entity));
    }
    throw new DetachedInstanceException(mapping.entityName(), mapping.id(entity),
        "loading relationship " + rel.info.name());
  }

  @Override
  public void afterWrite(Object entity, int property) {
    // never flushed: nothing to record
  }
}
