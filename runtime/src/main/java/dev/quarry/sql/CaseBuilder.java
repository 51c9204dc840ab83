package dev.quarry.sql;

import dev.quarry.types.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code CASE} expression being built: more WHEN branches, then ELSE or END. Immutable. The
 * result is an {@code E}: a {@link NumberExpression} for numbers, a {@link StringExpression} for
 * strings and so on (chosen by {@code Sql.caseWhen}'s first result), so it keeps their operations.
 *
 * @param <T> the Java type of the results
 * @param <E> the expression type of the result
 */
public final class CaseBuilder<T, E extends Expression<T>> {
  private final List<Expression<Boolean>> conditions;
  private final List<Expression<?>> results;
  private final SqlType<T> type;

  CaseBuilder(List<Expression<Boolean>> conditions, List<Expression<?>> results, SqlType<T> type) {
    this.conditions = conditions;
    this.results = results;
    this.type = type;
  }

  /** Another {@code WHEN condition THEN value}. */
  public CaseBuilder<T, E> when(Predicate condition, Expression<? extends T> value) {
    List<Expression<Boolean>> c = new ArrayList<>(conditions);
    c.add(condition);
    List<Expression<?>> r = new ArrayList<>(results);
    r.add(value);
    return new CaseBuilder<>(List.copyOf(c), List.copyOf(r), type);
  }

  /** Another {@code WHEN condition THEN ?}. */
  public CaseBuilder<T, E> when(Predicate condition, T value) {
    return when(condition, Sql.val(value, type));
  }

  /** {@code ELSE value END}. */
  public E otherwise(Expression<? extends T> value) {
    return finish(value);
  }

  /** {@code ELSE ? END}. */
  public E otherwise(T value) {
    return otherwise(Sql.val(value, type));
  }

  /** {@code END} without ELSE (NULL when no branch matches). */
  public E end() {
    return finish(null);
  }

  /** The facade {@link Expr#wrap} picks from the type is the one {@code Sql.caseWhen} promised as E. */
  @SuppressWarnings("unchecked")
  private E finish(Expression<?> otherwise) {
    return (E) Expr.wrap(new Functions.CaseNode(conditions, results, otherwise), type);
  }
}
