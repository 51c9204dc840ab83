package dev.quarry.orm.internal;

import dev.quarry.orm.EntityState;
import dev.quarry.orm.ObjectStateException;
import dev.quarry.sql.Column;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The association-table rows one flush writes for many-to-many collections: found before the flush
 * by comparing each owning collection with its elements as last loaded or flushed, sent after the
 * entity INSERTs (so new objects have keys); rows of deleted objects are removed before their DELETE.
 * Only the owning side (the one with {@code @JoinTable}) writes rows, as in JPA.
 */
final class Associations {
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static dev.quarry.sql.Predicate isParam(Column<?> column) {
    return ((Column) column).eq((dev.quarry.sql.Expression) Sql.param(column));
  }

  private record Change(Relationship rel, EntityEntry owner, Object target, boolean add) {}

  private record Cleared(Relationship rel, EntityEntry entry) {}

  private final List<Change> changes = new ArrayList<>();
  private final List<Cleared> cleared = new ArrayList<>();
  private final List<EntityEntry> owners = new ArrayList<>();
  private final List<Relationship> ownerRelations = new ArrayList<>();

  boolean isEmpty() {
    return changes.isEmpty() && cleared.isEmpty();
  }

  /** Finds the changes of {@code e}'s many-to-many relationships (and cascades save-update to new elements). */
  void collect(SessionState session, EntityEntry e) {
    for (int r = 0; r < e.mapping.relationCount(); r++) {
      if (e.mapping.relation(r).kind() != dev.quarry.spi.RelationInfo.Kind.MANY_TO_MANY) {
        continue;
      }
      Relationship rel = Relationship.of(e.mapping, r);
      if (e.markedDeleted) {
        if (e.key != null) {
          cleared.add(new Cleared(rel, e));
        }
        continue;
      }
      boolean userBuilt = e.state == EntityState.PENDING || !e.managed;
      if (!rel.owningManyToMany() || !userBuilt && !e.relationLoaded(r)) {
        continue;
      }
      Object value = e.mapping.getRelation(e.entity, r);
      List<Object> now = value == null ? List.of() : new ArrayList<>((Collection<?>) value);
      Object[] before = e.collections == null || e.collections[r] == null ? new Object[0] : e.collections[r];
      Set<Object> old = Collections.newSetFromMap(new IdentityHashMap<>());
      Collections.addAll(old, before);
      Set<Object> current = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Object target : now) {
        current.add(target);
        if (session.identityMap().entryOf(target) == null && rel.info.cascadeSaveUpdate()) {
          session.add(target);
        }
        if (!old.contains(target)) {
          changes.add(new Change(rel, e, target, true));
        }
      }
      for (Object target : before) {
        if (!current.contains(target)) {
          changes.add(new Change(rel, e, target, false));
        }
      }
      owners.add(e);
      ownerRelations.add(rel);
    }
  }

  /** Before the entity statements: association rows of objects being deleted, one batch per relationship. */
  void deleteRowsOfDeleted(SessionState session) {
    Map<Relationship, List<List<Object>>> byRelation = new LinkedHashMap<>();
    for (Cleared c : cleared) {
      byRelation.computeIfAbsent(c.rel, r -> new ArrayList<>()).add(List.of(c.entry.key.id()));
    }
    SessionCache cache = session.cache();
    for (Map.Entry<Relationship, List<List<Object>>> rows : byRelation.entrySet()) {
      Relationship rel = rows.getKey();
      Table assoc = rel.joinTable;
      if (cache != null) {
        cache.associationTableWritten(assoc.qualifiedName());
        for (List<Object> row : rows.getValue()) {
          cache.associationsCleared(rel, row.get(0));
        }
      }
      Column<?> owner = assoc.columns().get(rel.joinOwnerColumn);
      session.transaction().connectionFor(rel.owner)
          .batch(Sql.deleteFrom(assoc).where(isParam(owner)), rows.getValue());
    }
  }

  /**
   * After the entity statements: deletes and inserts association rows, one batch per relationship
   * and kind (deletes first, so a pair removed and added again ends up present), then remembers
   * the collections.
   */
  void write(SessionState session) {
    Map<Relationship, List<List<Object>>> removed = new LinkedHashMap<>();
    Map<Relationship, List<List<Object>>> added = new LinkedHashMap<>();
    for (Change c : changes) {
      Object ownerId = c.owner.mapping.id(c.owner.entity);
      Object targetId = c.rel.target.id(c.target);
      if (ownerId == null || targetId == null) {
        throw new ObjectStateException(c.rel + ": cannot link " + c.rel.target.entityName()
            + " without a key; add it to the session (or declare cascade SAVE_UPDATE)");
      }
      (c.add ? added : removed).computeIfAbsent(c.rel, r -> new ArrayList<>()).add(List.of(ownerId, targetId));
      SessionCache cache = session.cache();
      if (cache != null) {
        cache.associationTableWritten(c.rel.joinTable.qualifiedName());
        cache.associationChanged(c.rel, ownerId, targetId);
      }
    }
    for (Map.Entry<Relationship, List<List<Object>>> rows : removed.entrySet()) {
      Relationship rel = rows.getKey();
      Table assoc = rel.joinTable;
      Column<?> owner = assoc.columns().get(rel.joinOwnerColumn);
      Column<?> target = assoc.columns().get(rel.joinTargetColumn);
      session.transaction().connectionFor(rel.owner).batch(Sql.deleteFrom(assoc).where(isParam(owner), isParam(target)),
          rows.getValue());
    }
    for (Map.Entry<Relationship, List<List<Object>>> rows : added.entrySet()) {
      Relationship rel = rows.getKey();
      Table assoc = rel.joinTable;
      Column<?> owner = assoc.columns().get(rel.joinOwnerColumn);
      Column<?> target = assoc.columns().get(rel.joinTargetColumn);
      session.transaction().connectionFor(rel.owner).batch(
          Sql.insertInto(assoc).columns(owner, target).values(Sql.param(owner), Sql.param(target)), rows.getValue());
    }
    for (int i = 0; i < owners.size(); i++) {
      EntityEntry e = owners.get(i);
      Object value = e.mapping.getRelation(e.entity, ownerRelations.get(i).index);
      if (e.collections == null) {
        e.collections = new Object[e.mapping.relationCount()][];
      }
      e.collections[ownerRelations.get(i).index] = value == null ? new Object[0] : ((Collection<?>) value).toArray();
    }
  }
}
