package dev.quarry.sql.internal;

/**
 * A piece of a statement the SQL layer renders (an expression, a bound value, a sub-select),
 * handed to a {@link Dialect} hook so the dialect can place it without knowing what it is.
 */
@FunctionalInterface
public interface Fragment {
  /** Appends this fragment's SQL to {@code sql} (and registers its bound values, in order). */
  void writeTo(StringBuilder sql);
}
