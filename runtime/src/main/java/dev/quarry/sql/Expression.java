package dev.quarry.sql;

import dev.quarry.sql.internal.NullOrdering;
import dev.quarry.types.SqlType;
import dev.quarry.types.Typed;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A typed SQL expression: a column, a bound value, a function call, an operator applied to
 * other expressions. Expressions are immutable values; operators return new expressions.
 * Values passed to operators are always bound as parameters, typed like this expression.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T> extends Typed<T>, OrderField, SelectItem {
  /** The type of values this expression produces. */
  @Override
  SqlType<T> type();

  /** {@code this = value}; a null value gives {@code IS NULL}. */
  default Predicate eq(T value) {
    return Ops.eq(this, value, false);
  }

  /** {@code this = other}. */
  default Predicate eq(Expression<? extends T> other) {
    return Ops.compare(this, "=", other);
  }

  /** {@code this <> value}; a null value gives {@code IS NOT NULL}. */
  default Predicate ne(T value) {
    return Ops.eq(this, value, true);
  }

  /** {@code this <> other}. */
  default Predicate ne(Expression<? extends T> other) {
    return Ops.compare(this, "<>", other);
  }

  /** {@code this IN (?, …)}; split into ORed lists above the database's bind-parameter limit. */
  default Predicate in(Collection<? extends T> values) {
    return Ops.in(this, values, false);
  }

  /** {@code this IN (?, …)}. */
  @SuppressWarnings("unchecked")
  default Predicate in(T... values) {
    return Ops.in(this, Arrays.asList(values), false);
  }

  /** {@code this IN (SELECT …)}. */
  default Predicate in(Query subquery) {
    return Expr.predicate(new Ops.InQueryNode(this, Statements.queryNode(subquery), false));
  }

  /** {@code this NOT IN (?, …)}. */
  default Predicate notIn(Collection<? extends T> values) {
    return Ops.in(this, values, true);
  }

  /** {@code this NOT IN (?, …)}. */
  @SuppressWarnings("unchecked")
  default Predicate notIn(T... values) {
    return Ops.in(this, Arrays.asList(values), true);
  }

  /** {@code this NOT IN (SELECT …)}. */
  default Predicate notIn(Query subquery) {
    return Expr.predicate(new Ops.InQueryNode(this, Statements.queryNode(subquery), true));
  }

  default Predicate isNull() {
    return Ops.postfix(this, " IS NULL");
  }

  default Predicate isNotNull() {
    return Ops.postfix(this, " IS NOT NULL");
  }

  /** {@code this BETWEEN low AND high} (inclusive). */
  default Predicate between(T low, T high) {
    return Expr.predicate(new Ops.BetweenNode(this, Ops.bound(this, low), Ops.bound(this, high), false));
  }

  /** {@code this BETWEEN low AND high} over expressions. */
  default Predicate between(Expression<? extends T> low, Expression<? extends T> high) {
    return Expr.predicate(new Ops.BetweenNode(this, low, high, false));
  }

  /** {@code this NOT BETWEEN low AND high}. */
  default Predicate notBetween(T low, T high) {
    return Expr.predicate(new Ops.BetweenNode(this, Ops.bound(this, low), Ops.bound(this, high), true));
  }

  /** Ascending sort. */
  default SortField asc() {
    return new Functions.SortNode(this, false, NullOrdering.DEFAULT);
  }

  /** Descending sort. */
  default SortField desc() {
    return new Functions.SortNode(this, true, NullOrdering.DEFAULT);
  }

  /** Ascending sort with NULLs first. */
  default SortField nullsFirst() {
    return new Functions.SortNode(this, false, NullOrdering.FIRST);
  }

  /** Ascending sort with NULLs last. */
  default SortField nullsLast() {
    return new Functions.SortNode(this, false, NullOrdering.LAST);
  }

  /**
   * This expression labelled {@code alias} in a select list ({@code … AS "alias"}); the result is
   * the key to read the value back with {@code row.get(...)}.
   */
  default Expression<T> as(String alias) {
    return Expr.wrap(new Functions.AliasNode(this, alias), type());
  }

  /** {@code CAST(this AS type)}. */
  default <U> Expression<U> cast(SqlType<U> target) {
    return Expr.wrap(new Functions.CastNode(this, target), target);
  }

  /** {@code CAST(this AS type)} to a number type: the result takes arithmetic and {@code sum()}. */
  @SuppressWarnings("unchecked")
  default <N extends Number & Comparable<? super N>> NumberExpression<N> castToNumber(SqlType<N> target) {
    return (NumberExpression<N>) cast(target);
  }

  /** {@code CAST(this AS type)} to a character type: the result takes string operators. */
  default StringExpression castToString(SqlType<String> target) {
    return (StringExpression) cast(target);
  }

  /** {@code CAST(this AS type)} to an ordered type (dates, times): the result takes comparisons. */
  @SuppressWarnings("unchecked")
  default <C extends Comparable<? super C>> ComparableExpression<C> castToComparable(SqlType<C> target) {
    return (ComparableExpression<C>) cast(target);
  }

  /** {@code COALESCE(this, fallback)}. */
  default Expression<T> coalesce(T fallback) {
    return coalesce(Ops.bound(this, fallback));
  }

  /** {@code COALESCE(this, fallbacks…)}. */
  default Expression<T> coalesce(Expression<? extends T> fallback) {
    return Expr.wrap(new Functions.FunctionNode("COALESCE", false, List.of(this, fallback), false), type());
  }

  /** {@code COUNT(this)}: non-null values. */
  default NumberExpression<Long> count() {
    return Sql.count(this);
  }

  /** {@code COUNT(DISTINCT this)}. */
  default NumberExpression<Long> countDistinct() {
    return Sql.countDistinct(this);
  }

  /** This aggregate as a window function: {@code this OVER (window)}. */
  default Expression<T> over(Window window) {
    if (!(this instanceof Expr<?> x && x.node() instanceof Functions.FunctionNode f && f.aggregate)) {
      throw new IllegalArgumentException("over(...) applies to aggregate functions (count, sum, avg, min, max,"
          + " Sql.aggregate(...)); " + this + " is not one");
    }
    return Expr.wrap(new Window.OverNode(this, window), type());
  }

  /** This aggregate over the whole result: {@code this OVER ()}. */
  default Expression<T> over() {
    return over(Window.EMPTY);
  }
}
