package dev.quarry.migrate;

import dev.quarry.schema.SchemaChange;
import dev.quarry.schema.SchemaChanges;
import dev.quarry.schema.SchemaModel;
import dev.quarry.sql.internal.Dialect;
import java.util.List;

/** The SQL of one change, and the model after it: where the migrator meets the runtime's schema changes. */
final class ChangeSql {
  private ChangeSql() {}

  /** The DDL of a change against the schema before it; rows come as literal INSERTs (the offline script's). */
  static List<String> statements(SchemaChange change, SchemaModel before, Dialect dialect) {
    return SchemaChanges.statements(change, before, dialect.vendor());
  }

  /** The model after a change; SQL the revision wrote and inserted rows leave it as it is. */
  static SchemaModel apply(SchemaModel model, SchemaChange change) {
    return model.apply(change);
  }
}
