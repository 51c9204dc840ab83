package dev.quarry.orm;

/**
 * Sees every statement a session sends, in order: the SQL text and how many parameter sets were
 * sent with it (1 for a plain execution, n for a JDBC batch). Used by tests and tooling; SQL
 * logging itself goes through SLF4J logger {@code dev.quarry.orm.SQL}.
 */
@FunctionalInterface
public interface StatementListener {
  /** Called after {@code sql} ran with {@code batchSize} parameter sets. */
  void onStatement(String sql, int batchSize);
}
