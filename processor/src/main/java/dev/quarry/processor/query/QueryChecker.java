package dev.quarry.processor.query;

import java.util.Map;
import java.util.Set;

/**
 * Checks the SQL of a {@code @Query} against the entities' tables for each target dialect,
 * without a database: every table and column resolved, every parameter typed, the result columns
 * typed as each dialect returns them.
 */
public final class QueryChecker {
  private QueryChecker() {}

  /**
   * Checks {@code sql}.
   *
   * @param sql the query as written, with {@code :name} parameters
   * @param catalog the tables it may name
   * @param dialects the databases it must run on
   * @param methodParameters the method's parameters: name to qualified, boxed Java type
   *     ({@code java.util.List<java.lang.String>} for collections)
   * @param optionalParameters the parameters whose condition is dropped when they are null
   */
  public static CheckedQuery check(String sql, Catalog catalog, Set<SqlDialect> dialects,
      Map<String, String> methodParameters, Set<String> optionalParameters) {
    throw new UnsupportedOperationException("written by the query checker");
  }
}
