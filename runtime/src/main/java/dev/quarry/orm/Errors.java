package dev.quarry.orm;

import java.sql.SQLException;

/** Turns JDBC failures into the project's typed exceptions, naming the statement. */
final class Errors {
  private Errors() {}

  static RuntimeException database(SQLException e, String sql) {
    return new OrmException("database error during " + sql + ": " + e.getMessage()
        + " [SQLState " + e.getSQLState() + "]", e);
  }
}
