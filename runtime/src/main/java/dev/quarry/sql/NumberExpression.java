package dev.quarry.sql;

import dev.quarry.types.SqlTypes;
import java.util.List;

/** A numeric expression: arithmetic and aggregates. Arithmetic keeps this expression's type. */
public interface NumberExpression<N extends Number & Comparable<? super N>> extends ComparableExpression<N> {
  default NumberExpression<N> plus(N value) {
    return arithmetic("+", Ops.bound(this, value));
  }

  default NumberExpression<N> plus(Expression<? extends Number> other) {
    return arithmetic("+", other);
  }

  default NumberExpression<N> minus(N value) {
    return arithmetic("-", Ops.bound(this, value));
  }

  default NumberExpression<N> minus(Expression<? extends Number> other) {
    return arithmetic("-", other);
  }

  default NumberExpression<N> times(N value) {
    return arithmetic("*", Ops.bound(this, value));
  }

  default NumberExpression<N> times(Expression<? extends Number> other) {
    return arithmetic("*", other);
  }

  /** Division; integer division on integer types, as the database does it. */
  default NumberExpression<N> div(N value) {
    return arithmetic("/", Ops.bound(this, value));
  }

  default NumberExpression<N> div(Expression<? extends Number> other) {
    return arithmetic("/", other);
  }

  /** Remainder, {@code MOD(this, value)} (MOD is portable where {@code %} is not). */
  default NumberExpression<N> mod(N value) {
    return mod(Ops.bound(this, value));
  }

  @SuppressWarnings("unchecked")
  default NumberExpression<N> mod(Expression<? extends Number> other) {
    return (NumberExpression<N>) Expr.wrap(new Functions.FunctionNode("MOD", false, List.of(this, other), false),
        type());
  }

  /** {@code -(this)}. */
  @SuppressWarnings("unchecked")
  default NumberExpression<N> neg() {
    return (NumberExpression<N>) Expr.wrap(new Ops.PrefixNode("-", this), type());
  }

  /** {@code SUM(this)}. */
  @SuppressWarnings("unchecked")
  default NumberExpression<N> sum() {
    return (NumberExpression<N>) Expr.wrap(new Functions.FunctionNode("SUM", false, List.of(this), true), type());
  }

  /** {@code AVG(this)}, read as a double. */
  @SuppressWarnings("unchecked")
  default NumberExpression<Double> avg() {
    return (NumberExpression<Double>) Expr.wrap(Functions.FunctionNode.average(this), SqlTypes.DOUBLE);
  }

  @Override
  @SuppressWarnings("unchecked")
  default NumberExpression<N> min() {
    return (NumberExpression<N>) ComparableExpression.super.min();
  }

  @Override
  @SuppressWarnings("unchecked")
  default NumberExpression<N> max() {
    return (NumberExpression<N>) ComparableExpression.super.max();
  }

  @Override
  @SuppressWarnings("unchecked")
  default NumberExpression<N> coalesce(N fallback) {
    return (NumberExpression<N>) ComparableExpression.super.coalesce(fallback);
  }

  @Override
  @SuppressWarnings("unchecked")
  default NumberExpression<N> coalesce(Expression<? extends N> fallback) {
    return (NumberExpression<N>) ComparableExpression.super.coalesce(fallback);
  }

  @Override
  @SuppressWarnings("unchecked")
  default NumberExpression<N> as(String alias) {
    return (NumberExpression<N>) ComparableExpression.super.as(alias);
  }

  @Override
  @SuppressWarnings("unchecked")
  default NumberExpression<N> over(Window window) {
    return (NumberExpression<N>) ComparableExpression.super.over(window);
  }

  @SuppressWarnings("unchecked")
  private NumberExpression<N> arithmetic(String op, Expression<?> other) {
    return (NumberExpression<N>) Ops.binary(this, op, other, type());
  }
}
