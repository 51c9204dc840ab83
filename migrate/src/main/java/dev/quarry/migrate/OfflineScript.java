package dev.quarry.migrate;

import dev.quarry.schema.SchemaChange;
import dev.quarry.schema.SchemaModel;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.List;

/**
 * Alembic's offline mode: a range of revisions written as an SQL script with no database. The
 * schema each change applies to is tracked by {@link SchemaModel#apply} from base, so the DDL is
 * the DDL an online run computes from the live schema (a SQLite rebuild needs the whole table).
 */
final class OfflineScript {
  private final Revisions graph;
  private final Dialect dialect;
  private final VersionTable versionTable;

  OfflineScript(Revisions graph, Vendor vendor, String versionTable) {
    this.graph = graph;
    this.dialect = Dialect.of(vendor);
    this.versionTable = new VersionTable(versionTable, dialect);
  }

  String write(List<String> start, List<Step> steps) {
    StringBuilder out = new StringBuilder();
    Tracker tracker = new Tracker(modelAt(start), true);
    if (start.isEmpty()) {
      statement(out, versionTable.create());
    }
    if (!steps.isEmpty()) {
      dialect.foreignKeysOffForRebuild().forEach(s -> statement(out, s));
    }
    for (Step step : steps) {
      out.append("\n-- Running ").append(step.describe()).append('\n');
      if (dialect.transactionalDdl()) {
        statement(out, "BEGIN");
      }
      tracker.statements.clear();
      Migration migration = step.revision().migration().get();
      Ops ops = new Ops(tracker, null);
      if (step.upgrade()) {
        migration.upgrade(ops);
      } else {
        migration.downgrade(ops);
      }
      tracker.statements.forEach(s -> statement(out, s));
      versionTable.update(step.before(), step.after()).forEach(s -> statement(out, s));
      if (dialect.transactionalDdl()) {
        statement(out, "COMMIT");
      }
    }
    if (!steps.isEmpty()) {
      out.append('\n');
      dialect.foreignKeysOnAfterRebuild().forEach(s -> statement(out, s));
    }
    return out.toString();
  }

  private static void statement(StringBuilder out, String sql) {
    out.append(sql).append(";\n");
  }

  /** The schema after the upgrades of every revision the heads need, from an empty one. */
  private SchemaModel modelAt(List<String> heads) {
    Tracker tracker = new Tracker(new SchemaModel(List.of(), List.of()), false);
    for (String id : graph.oldestFirst(graph.closure(heads))) {
      graph.revision(id).migration().get().upgrade(new Ops(tracker, null));
    }
    return tracker.model;
  }

  /** A sink that renders each change against the tracked model and then applies it. */
  private final class Tracker implements Ops.Sink {
    SchemaModel model;
    final List<String> statements = new ArrayList<>();
    private final boolean render;

    Tracker(SchemaModel model, boolean render) {
      this.model = model;
      this.render = render;
    }

    @Override
    public void apply(SchemaChange change) {
      if (render) {
        statements.addAll(ChangeSql.statements(change, model, dialect));
      }
      model = ChangeSql.apply(model, change);
    }

    @Override
    public Vendor vendor() {
      return dialect.vendor();
    }
  }
}
