package dev.quarry.migrate;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Executable;
import dev.quarry.engine.Result;
import dev.quarry.engine.Transaction;
import dev.quarry.schema.Metadata;
import dev.quarry.schema.SchemaChange;
import dev.quarry.schema.SchemaModel;
import dev.quarry.schema.TableModel;
import dev.quarry.sql.Column;
import dev.quarry.sql.Insert;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs steps against a database on one connection: each revision in its own transaction together
 * with its version-table update where DDL is transactional; elsewhere statement by statement,
 * recording what ran so that a failure can say what stays applied.
 */
final class OnlineRun {
  static final Logger LOG = LoggerFactory.getLogger("dev.quarry.migrate");

  private final Connection connection;
  private final Dialect dialect;
  private final VersionTable versionTable;
  private final Set<String> ownTables;
  private final Consumer<String> listener;
  private final List<String> committed = new ArrayList<>();

  OnlineRun(Connection connection, Dialect dialect, VersionTable versionTable, Set<String> ownTables,
      Consumer<String> listener) {
    this.connection = connection;
    this.dialect = dialect;
    this.versionTable = versionTable;
    this.ownTables = ownTables;
    this.listener = listener;
  }

  /** Runs the steps; SQLite's foreign keys are off around them (a table rebuild drops the old table). */
  void run(List<Step> steps) {
    if (steps.isEmpty()) {
      return;
    }
    dialect.foreignKeysOffForRebuild().forEach(this::execute);
    try {
      for (Step step : steps) {
        run(step);
        committed.add(step.revision().id());
      }
    } finally {
      for (String sql : dialect.foreignKeysOnAfterRebuild()) {
        execute(sql);
      }
    }
  }

  /** Executes a statement outside the revisions (version table, PRAGMA), logged and reported. */
  void execute(String sql) {
    LOG.info("  {}", sql);
    listener.accept(sql);
    connection.executeUpdate(new RawStatement(sql));
  }

  private void run(Step step) {
    LOG.info("Running {}", step.describe());
    Sink sink = new Sink(step);
    if (dialect.transactionalDdl()) {
      Transaction tx = connection.begin();
      try {
        sink.runAll();
        checkForeignKeys(step, sink);
        tx.commit();
      } catch (RuntimeException e) {
        tx.rollback();
        throw sink.failure(e).toException(step, true, committed);
      }
    } else {
      try {
        sink.runAll();
      } catch (RuntimeException e) {
        throw sink.failure(e).toException(step, false, committed);
      }
    }
  }

  private void checkForeignKeys(Step step, Sink sink) {
    String query = dialect.foreignKeyViolationsQuery();
    if (query == null) {
      return;
    }
    try (Result r = connection.execute(new RawStatement(query))) {
      var rows = r.fetchAll();
      if (!rows.isEmpty()) {
        throw new Failure(null, query, new MigrationException(rows.size() + " foreign key violation(s) after "
            + step.describe() + ", e.g. " + rows.get(0).values() + " (table, rowid, referenced table, key index)"));
      }
    }
  }

  /** The default schema without the migrator's own tables, and the named schemas the revision works in. */
  private SchemaModel reflect(Set<String> schemas) {
    SchemaModel model = Metadata.reflect(connection);
    List<TableModel> tables = new ArrayList<>(model.tables().stream()
        .filter(t -> !(t.schema() == null && ownTables.contains(t.name()))).toList());
    List<SequenceDef> sequences = new ArrayList<>(model.sequences());
    for (String schema : schemas) {
      SchemaModel named = Metadata.reflect(connection, schema);
      tables.addAll(named.tables());
      sequences.addAll(named.sequences());
    }
    return new SchemaModel(tables, sequences);
  }

  /** A statement of a revision failed: what it was doing, for the message. */
  private static final class Failure extends RuntimeException {
    final SchemaChange change;
    final String sql;
    List<String> ran = List.of();
    /** The revision's own code threw (not a statement, not Quarry's reading of a change). */
    boolean codeThrew;

    Failure(SchemaChange change, String sql, RuntimeException cause) {
      super(cause);
      this.change = change;
      this.sql = sql;
    }

    MigrationException toException(Step step, boolean rolledBack, List<String> committed) {
      StringBuilder m = new StringBuilder("revision ").append(step.revision().id()).append(" (")
          .append(step.describe()).append(") failed");
      if (codeThrew) {
        // the last change completed; naming the exception's class matters when it has no message (NPE)
        if (change != null) {
          m.append(" after change '").append(change.describe()).append('\'');
        }
        m.append(": the revision's code threw ").append(getCause().getClass().getName());
        if (getCause().getMessage() != null) {
          m.append(": ").append(getCause().getMessage());
        }
        m.append(". ");
      } else {
        if (change != null) {
          m.append(" at change '").append(change.describe()).append('\'');
        }
        if (sql != null) {
          m.append(", statement: ").append(sql);
        }
        m.append(": ").append(getCause().getMessage()).append(". ");
      }
      if (rolledBack) {
        m.append("The revision was rolled back: none of its statements stays applied");
      } else if (ran.isEmpty()) {
        m.append("None of its statements had run");
      } else {
        m.append("The database commits each DDL statement as it runs; these ").append(ran.size())
            .append(" statement(s) of the revision ran and stay applied:");
        for (int i = 0; i < ran.size(); i++) {
          m.append("\n  ").append(i + 1).append(". ").append(ran.get(i));
        }
        m.append("\nUndo them by hand (or run the rest of the revision by hand and stamp it)");
      }
      m.append("; the version table still says ").append(step.before().isEmpty() ? "base" : step.before()).append('.');
      if (!committed.isEmpty()) {
        m.append(" Revisions of this run that completed and stay applied: ").append(committed).append('.');
      }
      return new MigrationException(m.toString(), getCause());
    }
  }

  /** Runs each change as the revision makes it, against the schema read at the start of the revision. */
  private final class Sink implements Ops.Sink {
    private final Step step;
    private final List<String> ran = new ArrayList<>();
    /**
     * The schemas the revision named with {@code Ops.schema}: the model holds their tables too, as
     * a change there can need a table's definition (MariaDB restates a column to alter it).
     */
    private final Set<String> schemas = new LinkedHashSet<>();
    private SchemaModel model;
    private SchemaChange change;

    Sink(Step step) {
      this.step = step;
    }

    void runAll() {
      model = reflect(schemas);
      Migration migration = step.revision().migration().get();
      Ops ops = new Ops(this, null);
      if (step.upgrade()) {
        migration.upgrade(ops);
      } else {
        migration.downgrade(ops);
      }
      change = null;
      for (String sql : versionTable.update(step.before(), step.after())) {
        run(sql, new RawStatement(sql));
      }
    }

    @Override
    public void apply(SchemaChange change) {
      this.change = change;
      if (change instanceof SchemaChange.InsertRows rows) {
        insert(rows);
        return;
      }
      List<String> statements;
      try {
        statements = ChangeSql.statements(change, model, dialect);
      } catch (RuntimeException e) {
        throw failure(null, e);
      }
      for (String sql : statements) {
        run(sql, new RawStatement(sql));
      }
      // what SQL of the revision's own did to the schema is only known by reading it again
      model = change instanceof SchemaChange.ExecuteSql ? reflect(schemas) : applied(change);
    }

    /**
     * The model after a change that ran. The schema read back can name what the revision names
     * otherwise (MariaDB keeps a unique constraint as an index): then the database, which just
     * took the change, is read again.
     */
    private SchemaModel applied(SchemaChange change) {
      try {
        return ChangeSql.apply(model, change);
      } catch (IllegalArgumentException e) {
        LOG.debug("reading the schema again after {}: {}", change.describe(), e.getMessage());
        return reflect(schemas);
      }
    }

    private void insert(SchemaChange.InsertRows rows) {
      TableModel t = model.table(rows.schema(), rows.table());
      if (t == null) {
        throw failure(null, new MigrationException("no table " + rows.table() + " to insert rows into"));
      }
      Table table = t.toTable();
      for (Map<String, Object> row : rows.rows()) {
        List<Column<?>> columns = new ArrayList<>();
        for (String name : row.keySet()) {
          if (!table.hasColumn(name)) {
            throw failure(null, new MigrationException("table " + rows.table() + " has no column " + name));
          }
          columns.add(table.column(name));
        }
        List<Object> values = new ArrayList<>();
        for (Map.Entry<String, Object> e : row.entrySet()) {
          values.add(coerce(e.getValue(), table.column(e.getKey()).type().javaType()));
        }
        Insert insert = Sql.insertInto(table).columns(columns.toArray(Column<?>[]::new)).values(values.toArray());
        run(insert.compile(dialect.vendor(), dialect.identifierQuoting()).sql(), insert);
      }
    }

    /**
     * A number as the column's Java type: the schema read back may type a column wider than the
     * revision declared it (SQLite's INTEGER reads as BIGINT), and the revision wrote {@code 1}.
     */
    private static Object coerce(Object value, Class<?> type) {
      if (!(value instanceof Number n) || type.isInstance(value)) {
        return value;
      }
      if (type == Long.class) {
        return n.longValue();
      } else if (type == Integer.class) {
        return n.intValue();
      } else if (type == Short.class) {
        return n.shortValue();
      } else if (type == Double.class) {
        return n.doubleValue();
      } else if (type == Float.class) {
        return n.floatValue();
      } else if (type == java.math.BigDecimal.class) {
        return new java.math.BigDecimal(n.toString());
      }
      return value;
    }

    private void run(String sql, Executable statement) {
      LOG.info("  {}", sql);
      listener.accept(sql);
      try {
        connection.executeUpdate(statement);
      } catch (RuntimeException e) {
        throw failure(sql, e);
      }
      ran.add(sql);
    }

    /** The failure of an exception the revision raised: a statement's, or its own code's. */
    Failure failure(RuntimeException e) {
      if (e instanceof Failure f) {
        return f;
      }
      Failure f = failure(null, e);
      f.codeThrew = true;
      return f;
    }

    private Failure failure(String sql, RuntimeException cause) {
      Failure f = new Failure(change, sql, cause);
      f.ran = List.copyOf(ran);
      return f;
    }

    @Override
    public Vendor vendor() {
      return dialect.vendor();
    }

    @Override
    public void schemaUsed(String schema) {
      if (schemas.add(schema)) {
        try {
          model = reflect(schemas); // what earlier changes made there is in the database already
        } catch (RuntimeException e) {
          throw failure(null, e);
        }
      }
    }
  }
}
