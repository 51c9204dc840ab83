package dev.quarry.sql;

import java.util.List;

/** A query's node: renders as a full SELECT and knows what it selects and under which labels. */
interface QueryNode extends Node, Query {
  /** The selected expressions, tables expanded to their columns. */
  List<Expression<?>> selection();

  /** The label of each selected expression, as the database will name the result column. */
  List<String> labels();

  /** Whether this query carries ORDER BY / LIMIT / OFFSET / FOR UPDATE of its own. */
  boolean hasTail();
}
