package dev.quarry.sql;

import dev.quarry.types.SqlTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * A character expression: {@code like}, {@code contains}, {@code lower}, concatenation.
 * {@link #contains}, {@link #startsWith} and {@link #endsWith} match literally and case-sensitively
 * on every database: {@code %}, {@code _} and the escape character in the argument are escaped
 * before binding (on SQLite, whose LIKE ignores case, they match with GLOB instead).
 */
public interface StringExpression extends ComparableExpression<String> {
  /** {@code this LIKE pattern} with the pattern's wildcards active. */
  default Predicate like(String pattern) {
    return like(Ops.bound(this, pattern), Ops.Escape.NONE, null, false, false);
  }

  /** {@code this LIKE pattern ESCAPE escape}. */
  default Predicate like(String pattern, char escape) {
    return like(Ops.bound(this, pattern), Ops.Escape.GIVEN, escape, false, false);
  }

  /** {@code this LIKE pattern} for a pattern computed in SQL. */
  default Predicate like(Expression<String> pattern) {
    return like(pattern, Ops.Escape.NONE, null, false, false);
  }

  default Predicate notLike(String pattern) {
    return like(Ops.bound(this, pattern), Ops.Escape.NONE, null, true, false);
  }

  default Predicate notLike(String pattern, char escape) {
    return like(Ops.bound(this, pattern), Ops.Escape.GIVEN, escape, true, false);
  }

  /** Case-insensitive LIKE ({@code ILIKE} where it exists, else {@code LOWER(a) LIKE LOWER(b)}). */
  default Predicate ilike(String pattern) {
    return like(Ops.bound(this, pattern), Ops.Escape.NONE, null, false, true);
  }

  default Predicate ilike(String pattern, char escape) {
    return like(Ops.bound(this, pattern), Ops.Escape.GIVEN, escape, false, true);
  }

  default Predicate notIlike(String pattern) {
    return like(Ops.bound(this, pattern), Ops.Escape.NONE, null, true, true);
  }

  /** Contains {@code text} literally. */
  default Predicate contains(String text) {
    return Expr.predicate(new LiteralMatch(this, text, true, true, false));
  }

  /** Starts with {@code text} literally. */
  default Predicate startsWith(String text) {
    return Expr.predicate(new LiteralMatch(this, text, false, true, false));
  }

  /** Ends with {@code text} literally. */
  default Predicate endsWith(String text) {
    return Expr.predicate(new LiteralMatch(this, text, true, false, false));
  }

  /** Contains {@code text} literally, ignoring case. */
  default Predicate containsIgnoreCase(String text) {
    return Expr.predicate(new LiteralMatch(this, text, true, true, true));
  }

  default StringExpression lower() {
    return call("LOWER");
  }

  default StringExpression upper() {
    return call("UPPER");
  }

  /** Removes leading and trailing spaces. */
  default StringExpression trim() {
    return call("TRIM");
  }

  /** Number of characters, {@code LENGTH(this)}. */
  @SuppressWarnings("unchecked")
  default NumberExpression<Integer> length() {
    return (NumberExpression<Integer>) Expr.wrap(new Functions.CharLengthNode(this), SqlTypes.INTEGER);
  }

  /** {@code this || value} (bound). */
  default StringExpression concat(String value) {
    return concat(Ops.bound(this, value));
  }

  /** {@code this || others…}, spelled {@code CONCAT(…)} where {@code ||} is not concatenation. */
  default StringExpression concat(Expression<?>... others) {
    List<Expression<?>> parts = new ArrayList<>(others.length + 1);
    parts.add(this);
    parts.addAll(List.of(others));
    return new Expr.StringExpr(new Functions.ConcatNode(parts), SqlTypes.TEXT);
  }

  @Override
  default StringExpression coalesce(String fallback) {
    return (StringExpression) ComparableExpression.super.coalesce(fallback);
  }

  @Override
  default StringExpression coalesce(Expression<? extends String> fallback) {
    return (StringExpression) ComparableExpression.super.coalesce(fallback);
  }

  @Override
  default StringExpression as(String alias) {
    return (StringExpression) ComparableExpression.super.as(alias);
  }

  @Override
  default StringExpression min() {
    return (StringExpression) ComparableExpression.super.min();
  }

  @Override
  default StringExpression max() {
    return (StringExpression) ComparableExpression.super.max();
  }

  private StringExpression call(String function) {
    return new Expr.StringExpr(new Functions.FunctionNode(function, false, List.of(this), false), type());
  }

  private Predicate like(Expression<?> pattern, Ops.Escape escape, Character escapeChar, boolean negated,
      boolean ignoreCase) {
    Expression<?> escapeValue = escapeChar == null ? null : Sql.val(String.valueOf(escapeChar));
    return Expr.predicate(new Ops.LikeNode(this, pattern, escape, escapeValue, negated, ignoreCase));
  }
}
