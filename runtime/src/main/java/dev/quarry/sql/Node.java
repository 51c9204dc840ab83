package dev.quarry.sql;

/**
 * A piece of a statement's tree. Rendering happens in two passes so that a cached shape never
 * renders twice: {@link #collect} records the shape (tokens that determine the SQL text) and the
 * bound values in a canonical order; {@link #render} writes the SQL text, only on a cache miss.
 */
interface Node {
  /** Adds this node's shape tokens and its bound values to {@code c}. */
  void collect(Collector c);

  /** Writes this node's SQL; every {@code ?} is registered with {@link RenderContext#bind}. */
  void render(RenderContext r);
}
