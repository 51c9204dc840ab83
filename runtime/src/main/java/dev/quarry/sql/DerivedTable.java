package dev.quarry.sql;

/**
 * A subquery used as a table: {@code (SELECT …) AS "alias"}. Its columns are referenced through
 * {@link #field}, by the expression that the subquery selected.
 */
public interface DerivedTable extends TableLike {
  /** The alias. */
  String alias();

  /** The column of this table that holds what the subquery selected as {@code selected}. */
  <T> Expression<T> field(Expression<T> selected);

  /** Typed variant of {@link #field(Expression)} for numbers. */
  @SuppressWarnings("unchecked")
  default <N extends Number & Comparable<? super N>> NumberExpression<N> field(NumberExpression<N> selected) {
    return (NumberExpression<N>) field((Expression<N>) selected);
  }

  /** Typed variant of {@link #field(Expression)} for strings. */
  default StringExpression field(StringExpression selected) {
    return (StringExpression) field((Expression<String>) selected);
  }

  /** The column labelled {@code label} in the subquery's select list. */
  Expression<?> field(String label);
}
