package dev.quarry.orm;

import dev.quarry.engine.Connection;
import dev.quarry.engine.RawExecution;
import java.sql.SQLException;
import java.util.List;

/** Turns JDBC failures outside statement execution (reading rows, keys) into typed exceptions. */
final class Errors {
  private Errors() {}

  static RuntimeException database(SessionConnection conn, SQLException e, String sql) {
    return conn.failure(e, sql, List.of());
  }

  static RuntimeException database(Connection conn, SQLException e, String sql) {
    return RawExecution.translate(conn, e, sql, List.of());
  }
}
