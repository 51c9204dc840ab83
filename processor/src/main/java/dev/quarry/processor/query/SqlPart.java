package dev.quarry.processor.query;

import java.util.List;

/**
 * A piece of a checked query's JDBC text ({@code ?} for each parameter). Generated code joins the
 * pieces; an optional condition whose parameter is null is replaced by {@code 1 = 1}.
 */
public sealed interface SqlPart {
  /** Text always sent, with the parameter names bound to its {@code ?}s, in order. */
  record Text(String sql, List<String> parameters) implements SqlPart {
    public Text {
      parameters = List.copyOf(parameters);
    }
  }

  /** A condition dropped (sent as {@code 1 = 1}) when {@code parameter} is null. */
  record OptionalCondition(String parameter, String sql, List<String> parameters) implements SqlPart {
    public OptionalCondition {
      parameters = List.copyOf(parameters);
    }
  }
}
