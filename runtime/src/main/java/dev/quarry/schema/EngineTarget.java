package dev.quarry.schema;

import dev.quarry.engine.Connection;
import dev.quarry.sql.internal.Dialect;

/** DDL through an engine {@link Connection}: listeners, SQL logging and typed exceptions apply. */
record EngineTarget(Connection connection) implements DdlTarget {
  @Override
  public Dialect dialect() {
    return Dialect.of(connection);
  }

  @Override
  public java.sql.Connection jdbc() {
    return connection.jdbc();
  }

  @Override
  public void execute(String sql) {
    connection.executeUpdate(new DdlStatement(sql));
  }
}
