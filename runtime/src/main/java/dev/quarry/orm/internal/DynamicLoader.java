package dev.quarry.orm.internal;

import dev.quarry.orm.Load;
import dev.quarry.orm.RaiseLoadException;
import dev.quarry.orm.Session;
import java.util.List;

/**
 * DYNAMIC: the collection is never loaded as a whole; {@link Session#related} gives a query scoped
 * to the owner (filter, order, limit, count). Reading the property as if it were loaded is refused
 * with a {@link RaiseLoadException} that names the scoped query.
 */
final class DynamicLoader implements LoadStrategy {
  static final DynamicLoader INSTANCE = new DynamicLoader();

  private DynamicLoader() {}

  @Override
  public List<Object> afterRows(EntityLoader loader, Relationship rel, List<EntityEntry> owners) {
    return List.of();
  }

  @Override
  public void onAccess(SessionState session, Relationship rel, EntityEntry owner) {
    String q = "Q" + rel.owner.entityType().getSimpleName();
    String path = q + "." + Character.toLowerCase(q.charAt(1)) + q.substring(2) + "." + rel.info.name();
    throw new RaiseLoadException(rel.owner.entityName(), owner.key.id(), rel.info.name(), "DYNAMIC",
        "It is DYNAMIC: query it with session.related(object, " + path + ") (filter, order, limit, count), "
            + "or load it with .options(Load.selectIn(" + path + ")).");
  }
}
