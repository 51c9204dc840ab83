package dev.quarry.orm;

import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.Mappings;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;

/** ON conditions and correlated EXISTS subqueries along relationship paths, from their foreign keys. */
final class RelationJoins {
  /** The table to join and the condition linking it to the path's table. */
  record Joined(Table table, Predicate on) {}

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
    Predicate on = rel.owning()
        ? RelatedRows.eq(target.columns().get(rel.target.primaryKeyColumns()[0]), source.columns().get(rel.ownerKey))
        : RelatedRows.eq(target.columns().get(rel.targetKey), source.columns().get(rel.owner.primaryKeyColumns()[0]));
    return new Joined(target, on);
  }

  /** {@code EXISTS (SELECT 1 FROM target WHERE <link> AND conditions)}, correlated to the path's table. */
  static Predicate exists(RelationPath<?, ?> path, Predicate... conditions) {
    Joined j = on(path);
    Predicate where = conditions.length == 0 ? j.on() : Sql.and(j.on(), Sql.and(conditions));
    return Sql.exists(Sql.select(Sql.val(1)).from(j.table()).where(where));
  }
}
