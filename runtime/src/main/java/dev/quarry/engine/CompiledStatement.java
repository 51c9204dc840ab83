package dev.quarry.engine;

import java.util.List;

/**
 * SQL text with {@code ?} placeholders, the values to bind to them, and what the statement
 * returns: result columns (for typed row access) and generated-key columns.
 *
 * @param sql the SQL text; never contains a bound value
 * @param parameters values for the placeholders, in order
 * @param resultColumns the columns of the rows it returns, in order; empty for statements without rows
 * @param generatedKeys columns whose generated values to read back after an INSERT (JDBC
 *     generated keys); empty when none are wanted. Do not combine with a {@code RETURNING}
 *     clause: PostgreSQL's driver implements generated keys by appending its own.
 */
public record CompiledStatement(String sql, List<Parameter> parameters, List<ResultColumn> resultColumns,
    List<String> generatedKeys) {
  public CompiledStatement {
    parameters = List.copyOf(parameters);
    resultColumns = List.copyOf(resultColumns);
    generatedKeys = List.copyOf(generatedKeys);
  }

  /** A statement with parameters and no declared result columns. */
  public static CompiledStatement of(String sql, List<Parameter> parameters) {
    return new CompiledStatement(sql, parameters, List.of(), List.of());
  }
}
