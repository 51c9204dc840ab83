package dev.quarry.orm;

import dev.quarry.sql.Expression;
import dev.quarry.sql.Table;

/** One row of a {@link TupleQuery}: entities and column values, in select-list order. */
public interface Tuple {
  /** Number of items. */
  int size();

  /** Item {@code index} (from 0): an entity or a value. */
  Object get(int index);

  /** The value of a selected expression or column. */
  <T> T get(Expression<T> expression);

  /** The entity selected through {@code table} (a metamodel or an alias of it). */
  Object get(Table table);

  /** The first selected entity of {@code type}. */
  <E> E get(Class<E> type);
}
