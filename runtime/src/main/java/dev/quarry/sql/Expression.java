package dev.quarry.sql;

import dev.quarry.types.SqlType;
import dev.quarry.types.Typed;

/**
 * A typed SQL expression: a column, a bound value, a function call, an operator applied to
 * other expressions. Expressions are immutable values; operators return new expressions.
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T> extends Typed<T> {
  /** The type of values this expression produces. */
  @Override
  SqlType<T> type();
}
