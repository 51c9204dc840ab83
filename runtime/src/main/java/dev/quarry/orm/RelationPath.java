package dev.quarry.orm;

import dev.quarry.orm.internal.RelationJoins;
import dev.quarry.spi.Internal;
import dev.quarry.sql.Table;
import java.util.Objects;

/**
 * A relationship of an entity as a value, generated on the metamodel ({@code QUser.user.orders}):
 * the handle for loader options ({@code Load.selectIn(QUser.user.orders)}), joins along the
 * relationship ({@code query.join(QUser.user.orders)}), EXISTS predicates and scoped queries.
 *
 * @param <S> the entity declaring the relationship
 * @param <T> the related entity (the element type of a collection)
 */
public final class RelationPath<S, T> {
  private final Table table;
  private final Class<S> source;
  private final int index;
  private final String name;
  private final Class<T> target;

  private RelationPath(Table table, Class<S> source, int index, String name, Class<T> target) {
    this.table = Objects.requireNonNull(table, "table");
    this.source = source;
    this.index = index;
    this.name = name;
    this.target = target;
  }

  /** Used by generated metamodels: relationship {@code index} (declaration order) of {@code source}. */
  @Internal
  public static <S, T> RelationPath<S, T> of(Table table, Class<S> source, int index, String name, Class<T> target) {
    return new RelationPath<>(table, source, index, name, target);
  }

  /** The metamodel instance (possibly aliased) this path starts from. */
  public Table table() {
    return table;
  }

  /** The entity declaring the relationship. */
  public Class<S> source() {
    return source;
  }

  /** Position among the entity's relationships, from 0. */
  public int index() {
    return index;
  }

  /** The Java property name. */
  public String name() {
    return name;
  }

  /** The related entity class. */
  public Class<T> target() {
    return target;
  }

  /**
   * {@code EXISTS} a related row matching {@code conditions} (all rows when none): SQLAlchemy's
   * {@code any()} for collections, {@code has()} for references. Conditions use the target's
   * metamodel ({@code QUser.user.orders.any(QOrder.order.total.gt(100))}); for a relationship of
   * an entity to itself the target is aliased with the relationship's name.
   */
  public dev.quarry.sql.Predicate any(dev.quarry.sql.Predicate... conditions) {
    return RelationJoins.exists(this, conditions);
  }

  /** The same as {@link #any} (SQLAlchemy's name for references). */
  public dev.quarry.sql.Predicate has(dev.quarry.sql.Predicate... conditions) {
    return RelationJoins.exists(this, conditions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RelationPath<?, ?> p && p.source == source && p.index == index && p.table == table;
  }

  @Override
  public int hashCode() {
    return source.hashCode() * 31 + index;
  }

  @Override
  public String toString() {
    return source.getSimpleName() + "." + name;
  }
}
