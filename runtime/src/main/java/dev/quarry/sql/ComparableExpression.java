package dev.quarry.sql;

import java.util.List;

/** An expression whose values have an order: {@code <}, {@code between}, {@code min}, {@code max}. */
public interface ComparableExpression<T extends Comparable<? super T>> extends Expression<T> {
  default Predicate lt(T value) {
    return Ops.compareValue(this, "<", value);
  }

  default Predicate lt(Expression<? extends T> other) {
    return Ops.compare(this, "<", other);
  }

  default Predicate le(T value) {
    return Ops.compareValue(this, "<=", value);
  }

  default Predicate le(Expression<? extends T> other) {
    return Ops.compare(this, "<=", other);
  }

  default Predicate gt(T value) {
    return Ops.compareValue(this, ">", value);
  }

  default Predicate gt(Expression<? extends T> other) {
    return Ops.compare(this, ">", other);
  }

  default Predicate ge(T value) {
    return Ops.compareValue(this, ">=", value);
  }

  default Predicate ge(Expression<? extends T> other) {
    return Ops.compare(this, ">=", other);
  }

  /** {@code MIN(this)}. */
  @SuppressWarnings("unchecked")
  default ComparableExpression<T> min() {
    return (ComparableExpression<T>) Expr.wrap(new Functions.FunctionNode("MIN", false, List.of(this), true), type());
  }

  /** {@code MAX(this)}. */
  @SuppressWarnings("unchecked")
  default ComparableExpression<T> max() {
    return (ComparableExpression<T>) Expr.wrap(new Functions.FunctionNode("MAX", false, List.of(this), true), type());
  }

  @Override
  @SuppressWarnings("unchecked")
  default ComparableExpression<T> coalesce(T fallback) {
    return (ComparableExpression<T>) Expression.super.coalesce(fallback);
  }

  @Override
  @SuppressWarnings("unchecked")
  default ComparableExpression<T> coalesce(Expression<? extends T> fallback) {
    return (ComparableExpression<T>) Expression.super.coalesce(fallback);
  }

  @Override
  @SuppressWarnings("unchecked")
  default ComparableExpression<T> as(String alias) {
    return (ComparableExpression<T>) Expression.super.as(alias);
  }

  @Override
  @SuppressWarnings("unchecked")
  default ComparableExpression<T> over(Window window) {
    return (ComparableExpression<T>) Expression.super.over(window);
  }
}
