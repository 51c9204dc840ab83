package dev.quarry.orm.internal;

import java.util.List;

/** NOLOAD: never loads; the relationship reads as an empty collection or null unless set in memory. */
final class NoLoadLoader implements LoadStrategy {
  static final NoLoadLoader INSTANCE = new NoLoadLoader();

  private NoLoadLoader() {}

  @Override
  public List<Object> afterRows(EntityLoader loader, Relationship rel, List<EntityEntry> owners) {
    return List.of();
  }

  @Override
  public void onAccess(SessionState session, Relationship rel, EntityEntry owner) {
    Object current = owner.mapping.getRelation(owner.entity, rel.index);
    if (rel.toMany()) {
      RelatedRows.link(session, rel, owner, current != null ? current : rel.newCollection());
    } else if (rel.owning()) {
      // the field holds an unloaded reference carrying only the key: never hand that out
      RelatedRows.linkAbsent(rel, owner);
    } else {
      RelatedRows.link(session, rel, owner, null);
    }
  }
}
