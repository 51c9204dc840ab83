package dev.quarry.migrate;

import dev.quarry.schema.SchemaChange;
import dev.quarry.schema.SchemaChanges;
import dev.quarry.schema.SchemaModel;
import dev.quarry.sql.internal.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SQL of one change, and the model after it: where the migrator meets the runtime's schema changes. */
final class ChangeSql {
  private ChangeSql() {}

  /** The DDL of a change; SQL the revision wrote runs as written. */
  static List<String> statements(SchemaChange change, SchemaModel before, Dialect dialect) {
    if (change instanceof SchemaChange.ExecuteSql sql) {
      return List.of(sql.sql());
    }
    if (change instanceof SchemaChange.InsertRows rows) {
      return insertLiterals(rows, dialect);
    }
    try {
      return SchemaChanges.statements(change, before, dialect.vendor());
    } catch (UnsupportedOperationException e) {
      return Bridge.statements(change, dialect, e);
    }
  }

  static SchemaModel apply(SchemaModel model, SchemaChange change) {
    if (change instanceof SchemaChange.ExecuteSql || change instanceof SchemaChange.InsertRows) {
      return model;
    }
    try {
      return model.apply(change);
    } catch (UnsupportedOperationException e) {
      return Bridge.apply(model, change, e);
    }
  }

  /** Offline, rows are written as literals, one INSERT each. */
  private static List<String> insertLiterals(SchemaChange.InsertRows rows, Dialect dialect) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> row : rows.rows()) {
      List<String> columns = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (Map.Entry<String, Object> e : row.entrySet()) {
        columns.add(dialect.quote(e.getKey()));
        values.add(e.getValue() == null ? "NULL" : dialect.literal(e.getValue()));
      }
      out.add("INSERT INTO " + dialect.quote(rows.schema(), rows.table()) + " (" + String.join(", ", columns)
          + ") VALUES (" + String.join(", ", values) + ")");
    }
    return out;
  }

  /** TEMPORARY until branch schema-changes is merged: create and drop table only. */
  private static final class Bridge {
    static List<String> statements(SchemaChange change, Dialect dialect, UnsupportedOperationException e) {
      if (change instanceof SchemaChange.CreateTable t) {
        return dev.quarry.schema.Metadata.createStatements(t.table().toTable(), dialect.vendor());
      }
      if (change instanceof SchemaChange.DropTable t) {
        return List.of("DROP TABLE " + dialect.quote(t.schema(), t.table()));
      }
      throw e;
    }

    static SchemaModel apply(SchemaModel model, SchemaChange change, UnsupportedOperationException e) {
      List<dev.quarry.schema.TableModel> tables = new ArrayList<>(model.tables());
      if (change instanceof SchemaChange.CreateTable t) {
        tables.add(t.table());
      } else if (change instanceof SchemaChange.DropTable t) {
        tables.removeIf(m -> java.util.Objects.equals(m.schema(), t.schema()) && m.name().equals(t.table()));
      } else {
        throw e;
      }
      return new SchemaModel(tables, model.sequences());
    }
  }
}
