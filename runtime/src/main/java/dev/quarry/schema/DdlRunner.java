package dev.quarry.schema;

import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.internal.Dialect;
import java.sql.SQLException;
import java.util.List;

/** Plans DDL against what the target database has and runs it, statement by statement. */
final class DdlRunner {
  private DdlRunner() {}

  static List<String> create(List<TableModel> tables, List<SequenceDef> sequences, DdlTarget target,
      boolean checkFirst) {
    Dialect dialect = target.dialect();
    DdlPlan.Existing existing = checkFirst ? inspect(target, dialect) : DdlPlan.Existing.NOTHING;
    return run(new DdlPlan(new DdlWriter(dialect)).create(tables, sequences, existing), target);
  }

  static List<String> drop(List<TableModel> tables, List<SequenceDef> sequences, DdlTarget target,
      boolean checkFirst) {
    Dialect dialect = target.dialect();
    DdlPlan.Existing existing = checkFirst ? inspect(target, dialect) : DdlPlan.Existing.EVERYTHING;
    return run(new DdlPlan(new DdlWriter(dialect)).drop(tables, sequences, existing), target);
  }

  private static DdlPlan.Existing inspect(DdlTarget target, Dialect dialect) {
    try {
      return new JdbcExisting(target.jdbc(), dialect);
    } catch (SQLException e) {
      throw new SchemaException("could not reach the database to check which tables exist: " + e.getMessage(), e);
    }
  }

  /** Runs the statements in order; returns them so callers and tests can see what ran. */
  private static List<String> run(List<String> statements, DdlTarget target) {
    for (String sql : statements) {
      target.execute(sql);
    }
    return statements;
  }
}
