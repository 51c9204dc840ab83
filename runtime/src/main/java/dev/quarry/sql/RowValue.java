package dev.quarry.sql;

import java.util.Collection;
import java.util.List;

/**
 * Several expressions compared together, e.g. a composite key:
 * {@code Sql.row(t.a, t.b).in(List.of(List.of(1, "x"), List.of(2, "y")))} renders
 * {@code ("t"."a", "t"."b") IN ((?, ?), (?, ?))}. Values bind with their column's type.
 */
public interface RowValue {
  /** {@code (a, b) = (?, ?)}. */
  Predicate eq(Object... values);

  /** {@code (a, b) IN ((?, ?), …)}; an empty collection is FALSE. */
  Predicate in(Collection<? extends List<?>> rows);

  /** {@code (a, b) NOT IN ((?, ?), …)}; an empty collection is TRUE. */
  Predicate notIn(Collection<? extends List<?>> rows);
}
