package dev.quarry.sql;

import dev.quarry.types.SqlType;
import java.util.Objects;

/**
 * The expressions the DSL builds: a {@link Node} with a type, seen through the public interface
 * that fits the type ({@link StringExpression} for strings, {@link NumberExpression} for
 * numbers, {@link Predicate} for booleans…). {@link #wrap} picks the facade from the type's Java
 * class, so an expression is always usable with the operators its values support.
 */
abstract class Expr<T> implements Expression<T> {
  private final Node node;
  private final SqlType<T> type;

  Expr(Node node, SqlType<T> type) {
    this.node = Objects.requireNonNull(node, "node");
    this.type = Objects.requireNonNull(type, "type");
  }

  final Node node() {
    return node;
  }

  @Override
  public final SqlType<T> type() {
    return type;
  }

  private int hash;

  /**
   * Expressions are equal when they have the same shape and the same bound values, so that a
   * result column can be read back with an equal expression built again ({@code row.get(count())}).
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Expr<?> other) || other.getClass() != getClass() || !other.type.equals(type)
        || other.hashCode() != hashCode()) {
      return false;
    }
    Collector mine = collected();
    Collector theirs = other.collected();
    return mine.key().equals(theirs.key()) && mine.sameParams(theirs);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      Collector c = collected();
      h = 31 * c.key().hashCode() + c.paramsHash();
      hash = h == 0 ? 1 : h;
    }
    return h;
  }

  private Collector collected() {
    Collector c = new Collector();
    node.collect(c);
    return c;
  }

  /** The expression as ANSI SQL with {@code ?} for values, for messages and debugging. */
  @Override
  public String toString() {
    try {
      Collector c = collected();
      RenderContext r = new RenderContext(dev.quarry.sql.internal.Dialect.of(dev.quarry.types.Vendor.OTHER), c);
      node.render(r);
      return r.sql.toString();
    } catch (RuntimeException e) {
      return node.getClass().getSimpleName();
    }
  }

  /** The node as an expression of {@code type}, with the facade matching the type's Java class. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <T> Expr<T> wrap(Node node, SqlType<T> type) {
    Class<T> java = type.javaType();
    if (java == String.class) {
      return (Expr<T>) new StringExpr(node, (SqlType<String>) type);
    } else if (java == Boolean.class) {
      return (Expr<T>) new PredicateExpr(node, (SqlType<Boolean>) type);
    } else if (Number.class.isAssignableFrom(java) && Comparable.class.isAssignableFrom(java)) {
      return new NumberExpr(node, type);
    } else if (Comparable.class.isAssignableFrom(java)) {
      return new ComparableExpr(node, type);
    }
    return new PlainExpr<>(node, type);
  }

  static Predicate predicate(Node node) {
    return new PredicateExpr(node, dev.quarry.types.SqlTypes.BOOLEAN);
  }

  /** An expression without ordering. */
  static final class PlainExpr<T> extends Expr<T> {
    PlainExpr(Node node, SqlType<T> type) {
      super(node, type);
    }
  }

  /** An ordered expression. */
  static final class ComparableExpr<T extends Comparable<? super T>> extends Expr<T> implements ComparableExpression<T> {
    ComparableExpr(Node node, SqlType<T> type) {
      super(node, type);
    }
  }

  /** A numeric expression. */
  static final class NumberExpr<N extends Number & Comparable<? super N>> extends Expr<N>
      implements NumberExpression<N> {
    NumberExpr(Node node, SqlType<N> type) {
      super(node, type);
    }
  }

  /** A character expression. */
  static final class StringExpr extends Expr<String> implements StringExpression {
    StringExpr(Node node, SqlType<String> type) {
      super(node, type);
    }
  }

  /** A condition. */
  static final class PredicateExpr extends Expr<Boolean> implements Predicate {
    PredicateExpr(Node node, SqlType<Boolean> type) {
      super(node, type);
    }
  }
}
