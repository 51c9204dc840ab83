package dev.quarry.schema;

import dev.quarry.sql.internal.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/** Where DDL runs: the database kind, a JDBC connection to inspect, and a way to execute one statement. */
interface DdlTarget {
  /** The database's dialect, with the engine's identifier quoting. */
  Dialect dialect();

  /** The JDBC connection the statements run on, for {@link java.sql.DatabaseMetaData}. */
  Connection jdbc() throws SQLException;

  /** Executes one DDL statement (through the engine, so listeners and logging see it). */
  void execute(String sql);
}
