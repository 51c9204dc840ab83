package dev.quarry.migrate;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Executable;
import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.types.Vendor;
import java.util.List;

/** SQL already written for its database (DDL, the version table's statements, lock queries); it binds nothing. */
record RawStatement(String sql) implements Executable {
  @Override
  public CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting) {
    return CompiledStatement.of(sql, List.of());
  }

  @Override
  public String toString() {
    return sql;
  }
}
