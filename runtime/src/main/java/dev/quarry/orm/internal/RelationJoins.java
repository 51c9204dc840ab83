package dev.quarry.orm.internal;

import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.EntityState;
import dev.quarry.orm.ObjectStateException;
import dev.quarry.orm.RelationPath;
import dev.quarry.orm.Session;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.Mappings;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;

/** ON conditions and correlated EXISTS subqueries along relationship paths, from their foreign keys. */
public final class RelationJoins {
  /**
   * The table to join and the condition linking it to the path's table; for a many-to-many the
   * association table comes first ({@code assoc} joined on {@code assocOn}, then {@code table} on {@code on}).
   */
  record Joined(Table table, Predicate on, Table assoc, Predicate assocOn) {}

  private RelationJoins() {}

  @SuppressWarnings("unchecked")
  static Relationship relationship(RelationPath<?, ?> path) {
    return Relationship.of((EntityMapping<Object>) Mappings.of(path.source()), path.index());
  }

  /** Joins the path's target table (aliased when it is the path's own table: self-references). */
  static Joined on(RelationPath<?, ?> path) {
    Relationship rel = relationship(path);
    Table target = rel.target.table();
    if (target.sameTableAs(path.table()) && path.table().alias() == null) {
      target = target.as(rel.info.name());
    }
    return on(path, target);
  }

  /** Joins {@code target} (the related entity's table or an alias of it). */
  static Joined on(RelationPath<?, ?> path, Table target) {
    Relationship rel = relationship(path);
    Table source = path.table();
    if (rel.manyToMany()) {
      Table assoc = rel.joinTable;
      Predicate assocOn = RelatedRows.eq(assoc.columns().get(rel.joinOwnerColumn),
          source.columns().get(rel.owner.primaryKeyColumns()[0]));
      Predicate on = RelatedRows.eq(target.columns().get(rel.target.primaryKeyColumns()[0]),
          assoc.columns().get(rel.joinTargetColumn));
      on = Polymorphic.and(on, rel.target, target); // inheritance: the association may link other classes' rows
      return new Joined(target, on, assoc, assocOn);
    }
    Predicate on = rel.owning()
        ? RelatedRows.eq(target.columns().get(rel.target.primaryKeyColumns()[0]), source.columns().get(rel.ownerKey))
        : RelatedRows.eq(target.columns().get(rel.targetKey), source.columns().get(rel.owner.primaryKeyColumns()[0]));
    on = rel.owning() ? on : Polymorphic.and(on, rel.target, target); // inheritance: a collection of a subclass
    return new Joined(target, on, null, null);
  }

  /** {@code EXISTS (SELECT 1 FROM target WHERE <link> AND conditions)}, correlated to the path's table. */
  public static Predicate exists(RelationPath<?, ?> path, Predicate... conditions) {
    Joined j = on(path);
    if (j.assoc() != null) {
      Predicate where = conditions.length == 0 ? j.assocOn() : Sql.and(j.assocOn(), Sql.and(conditions));
      return Sql.exists(Sql.select(Sql.val(1)).from(j.assoc()).join(j.table(), j.on()).where(where));
    }
    Predicate where = conditions.length == 0 ? j.on() : Sql.and(j.on(), Sql.and(conditions));
    return Sql.exists(Sql.select(Sql.val(1)).from(j.table()).where(where));
  }

  /** The query of {@code owner}'s related objects (Session#related). */
  @SuppressWarnings("unchecked")
  static <S, T> EntityQuery<T> scoped(SessionState session, S owner, RelationPath<S, T> path) {
    EntityEntry e = session.identityMap().entryOf(owner);
    Relationship rel = relationship(path);
    if (e == null || e.state != EntityState.PERSISTENT || e.key == null) {
      throw new ObjectStateException(rel + ": a scoped query needs a persistent " + rel.owner.entityName()
          + " of this session; add and flush it first");
    }
    EntityQuery<T> q = new EntityQueryImpl<>(session, rel.target, (Class<T>) rel.target.entityType(),
        rel.target.table());
    dev.quarry.sql.Column<?> pk = rel.target.table().columns().get(rel.target.primaryKeyColumns()[0]);
    if (rel.manyToMany()) {
      Table assoc = rel.joinTable;
      return q.where(RelatedRows.inQuery(pk, Sql.select(assoc.columns().get(rel.joinTargetColumn)).from(assoc)
          .where(RelatedRows.in(assoc.columns().get(rel.joinOwnerColumn), java.util.List.of(e.key.id())))));
    }
    if (rel.owning()) {
      Object key = rel.owner.get(owner, rel.ownerKey);
      return q.where(key == null ? Sql.falseCondition() : RelatedRows.in(pk, java.util.List.of(key)));
    }
    // unordered: the caller orders (a relationship's orderBy first would override theirs)
    return q.where(RelatedRows.in(rel.target.table().columns().get(rel.targetKey), java.util.List.of(e.key.id())));
  }
}
