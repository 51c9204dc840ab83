package dev.quarry.orm.internal;

import dev.quarry.orm.Load;
import dev.quarry.orm.RaiseLoadException;
import java.util.List;

/** RAISE: access of an unloaded relationship throws {@link RaiseLoadException} (catches N+1 in tests). */
final class RaiseLoader implements LoadStrategy {
  static final RaiseLoader INSTANCE = new RaiseLoader();

  private RaiseLoader() {}

  @Override
  public List<Object> afterRows(EntityLoader loader, Relationship rel, List<EntityEntry> owners) {
    return List.of();
  }

  @Override
  public void onAccess(SessionState session, Relationship rel, EntityEntry owner) {
    refuse(rel, owner.key.id());
  }

  /** Throws the error of a RAISE relationship accessed on the object with {@code id}. */
  void refuse(Relationship rel, Object id) {
    String q = "Q" + rel.owner.entityType().getSimpleName();
    String path = q + "." + Character.toLowerCase(q.charAt(1)) + q.substring(2) + "." + rel.info.name();
    throw new RaiseLoadException(rel.owner.entityName(), id, rel.info.name(), "RAISE",
        "Load it with the query: .options(Load.selectIn(" + path + ")) or Load.joined(" + path + "), or "
            + "choose another fetch strategy on the annotation.");
  }
}
