package dev.quarry.orm.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * SELECTIN: after a query, one {@code IN} query per relationship and level loads the related
 * objects of every returned object at once (split only beyond the database's bind-parameter limit).
 */
final class SelectInLoader implements LoadStrategy {
  static final SelectInLoader INSTANCE = new SelectInLoader();

  private SelectInLoader() {}

  @Override
  public List<Object> afterRows(EntityLoader loader, Relationship rel, List<EntityEntry> owners) {
    List<EntityEntry> todo = new ArrayList<>(owners.size());
    for (EntityEntry o : owners) {
      if (!o.relationLoaded(rel.index)) {
        todo.add(o);
      }
    }
    if (todo.isEmpty()) {
      return List.of();
    }
    return RelatedRows.load(loader, rel, todo);
  }

  @Override
  public void onAccess(SessionState session, Relationship rel, EntityEntry owner) {
    // Accessed without having been loaded by a query (get by id, object loaded before): load it now.
    LazyLoader.INSTANCE.onAccess(session, rel, owner);
  }
}
