package dev.quarry.sql;

import dev.quarry.types.SqlType;
import java.util.ArrayList;
import java.util.List;

/** A {@code CASE} expression being built: more WHEN branches, then ELSE or END. Immutable. */
public final class CaseBuilder<T> {
  private final List<Expression<Boolean>> conditions;
  private final List<Expression<?>> results;
  private final SqlType<T> type;

  CaseBuilder(List<Expression<Boolean>> conditions, List<Expression<?>> results, SqlType<T> type) {
    this.conditions = conditions;
    this.results = results;
    this.type = type;
  }

  /** Another {@code WHEN condition THEN value}. */
  public CaseBuilder<T> when(Predicate condition, Expression<? extends T> value) {
    List<Expression<Boolean>> c = new ArrayList<>(conditions);
    c.add(condition);
    List<Expression<?>> r = new ArrayList<>(results);
    r.add(value);
    return new CaseBuilder<>(List.copyOf(c), List.copyOf(r), type);
  }

  /** Another {@code WHEN condition THEN ?}. */
  public CaseBuilder<T> when(Predicate condition, T value) {
    return when(condition, Sql.val(value, type));
  }

  /** {@code ELSE value END}. */
  public Expression<T> otherwise(Expression<? extends T> value) {
    return Expr.wrap(new Functions.CaseNode(conditions, results, value), type);
  }

  /** {@code ELSE ? END}. */
  public Expression<T> otherwise(T value) {
    return otherwise(Sql.val(value, type));
  }

  /** {@code END} without ELSE (NULL when no branch matches). */
  public Expression<T> end() {
    return Expr.wrap(new Functions.CaseNode(conditions, results, null), type);
  }
}
