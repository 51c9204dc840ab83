package dev.quarry.processor.query;

import java.util.List;
import java.util.Map;

/**
 * What {@link QueryChecker} found in a {@code @Query}: its kind, its JDBC text, its result
 * columns and parameters, and every problem (an empty list means the query is valid for every
 * dialect it was checked for).
 *
 * @param kind what the statement does
 * @param parts the JDBC text, with optional conditions marked
 * @param columns the result columns (of a SELECT, or of RETURNING); empty for DML without one
 * @param parameterTypes each named parameter and the qualified Java type the query compares it
 *     with (a {@code java.util.Collection} of it for {@code IN (:names)}), in first-use order
 * @param problems what is wrong, each with the message to report
 */
public record CheckedQuery(StatementKind kind, List<SqlPart> parts, List<ResultColumn> columns,
    Map<String, String> parameterTypes, List<Problem> problems) {

  /** What a statement does. */
  public enum StatementKind { SELECT, INSERT, UPDATE, DELETE }

  /**
   * A problem with the query.
   *
   * @param kind what kind of problem (tests assert it; the message says what to change)
   * @param message the compile error's text, from {@code Errors}
   */
  public record Problem(ProblemKind kind, String message) {}
}
