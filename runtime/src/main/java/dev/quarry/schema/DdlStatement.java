package dev.quarry.schema;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Executable;
import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.types.Vendor;
import java.util.List;

/** One DDL statement, already written for its database; it binds nothing. */
record DdlStatement(String sql) implements Executable {
  @Override
  public CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting) {
    return CompiledStatement.of(sql, List.of());
  }

  @Override
  public String toString() {
    return sql;
  }
}
