package dev.quarry.migrate;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import dev.quarry.schema.Metadata;
import dev.quarry.schema.SchemaChanges;
import dev.quarry.schema.SchemaModel;
import dev.quarry.schema.TableModel;
import dev.quarry.sql.internal.Dialect;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs revisions against a database (Alembic's {@code command} module): upgrade, downgrade,
 * current, stamp, check. One migrator at a time per database: a run holds the database's migration
 * lock from start to end; a second waits up to the lock timeout, then fails with
 * {@link MigrationLockException}.
 */
public final class Migrator {
  static final String DEFAULT_VERSION_TABLE = "quarry_version";

  private final Engine engine;
  private final Revisions revisions;
  private final SchemaModel model;
  private final String versionTableName;
  private final Duration lockTimeout;
  private final Consumer<String> statementListener;
  private final Dialect dialect;

  private Migrator(Builder b) {
    this.engine = b.engine;
    this.revisions = b.revisions != null ? b.revisions
        : Revisions.load(Thread.currentThread().getContextClassLoader());
    this.model = b.model;
    this.versionTableName = b.versionTable;
    this.lockTimeout = b.lockTimeout;
    this.statementListener = b.statementListener;
    this.dialect = Dialect.of(engine);
  }

  /** A migrator for this engine's database. */
  public static Builder builder(Engine engine) {
    return new Builder(Objects.requireNonNull(engine, "engine"));
  }

  /** Configures a {@link Migrator}. */
  public static final class Builder {
    private final Engine engine;
    private Revisions revisions;
    private SchemaModel model;
    private String versionTable = DEFAULT_VERSION_TABLE;
    private Duration lockTimeout = Duration.ofSeconds(60);
    private Consumer<String> statementListener = sql -> {};

    private Builder(Engine engine) {
      this.engine = engine;
    }

    /** The revision graph (default: {@link Revisions#load} on the context class loader). */
    public Builder revisions(Revisions revisions) {
      this.revisions = Objects.requireNonNull(revisions, "revisions");
      return this;
    }

    /** The schema the entities describe, for {@link #check} and autogenerate ({@code Metadata.model()}). */
    public Builder model(SchemaModel model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /** The table that records the applied heads (default {@code quarry_version}). */
    public Builder versionTable(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("the version table needs a name");
      }
      this.versionTable = name;
      return this;
    }

    /** How long a run waits for another migrator's lock (default 60 s; zero fails at once). */
    public Builder lockTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("lock timeout must not be negative: " + timeout);
      }
      this.lockTimeout = timeout;
      return this;
    }

    /**
     * Hears each statement a run executes that changes the database — the revisions' DDL and rows,
     * the version table's statements, SQLite's foreign-key pragmas — as an offline script writes it.
     */
    public Builder statementListener(Consumer<String> listener) {
      this.statementListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The migrator. */
    public Migrator build() {
      return new Migrator(this);
    }
  }

  /** Upgrades to a target: {@code head}, {@code heads}, an id, {@code label@head}, {@code +2}; returns what ran. */
  public List<RevisionInfo> upgrade(String target) {
    Objects.requireNonNull(target, "target");
    return run(current -> revisions.targets.upgradeSteps(target, current));
  }

  /** Downgrades to a target: {@code base}, an id, {@code -1}; returns what ran, newest first. */
  public List<RevisionInfo> downgrade(String target) {
    Objects.requireNonNull(target, "target");
    return run(current -> revisions.targets.downgradeSteps(target, current));
  }

  /** The revisions the database is at (several when branches are applied); empty at base. */
  public List<String> current() {
    return engine.withConnection(this::readCurrent);
  }

  /** Records the database as being at the targets without running anything. */
  public void stamp(String... targets) {
    List<String> wanted = List.of(targets);
    if (wanted.isEmpty()) {
      throw new MigrationException("stamp needs a target: a revision, head, heads or base");
    }
    VersionTable table = versionTable();
    try (MigrationLock lock = MigrationLock.acquire(engine, dialect, versionTableName, lockTimeout);
        Connection c = engine.connect()) {
      boolean existed = table.exists(c);
      // Stamp is the way out when the version table names revisions this code does not have (a
      // newer release migrated the database): it replaces them instead of refusing like the rest.
      List<String> rows = table.read(c);
      List<String> unknown = revisions.unknown(rows);
      List<String> current = revisions.oldestFirst(rows.stream().filter(id -> !unknown.contains(id)).toList());
      List<String> heads = revisions.targets.stampHeads(wanted, current);
      OnlineRun run = new OnlineRun(c, dialect, table, ownTables(), statementListener);
      if (!existed) {
        run.execute(table.create());
      }
      if (!unknown.isEmpty()) {
        OnlineRun.LOG.warn("Stamping replaces revisions these revisions do not have: {}", unknown);
      }
      OnlineRun.LOG.info("Stamping {} -> {}", rows.isEmpty() ? "base" : rows, heads.isEmpty() ? "base" : heads);
      c.runInTransaction(tx -> table.update(rows, heads).forEach(run::execute));
    }
  }

  /**
   * The difference between the database, which must be at head, and the model: empty when they
   * match (Alembic's {@code check}; the CLI exits non-zero otherwise).
   */
  public SchemaChanges.Diff check() {
    SchemaModel database = databaseAtHead();
    return SchemaChanges.diff(database, requireModel(), engine.vendor(), SchemaChanges.Renames.NONE);
  }

  /** The upgrade and downgrade changes autogenerate writes into a new revision. */
  public record Autogenerated(SchemaChanges.Diff upgrade, SchemaChanges.Diff downgrade) {}

  /** Compares the database (which must be at head) with the model, in both directions. */
  public Autogenerated autogenerate(SchemaChanges.Renames renames) {
    Objects.requireNonNull(renames, "renames");
    SchemaModel database = databaseAtHead();
    SchemaModel entities = requireModel();
    return new Autogenerated(SchemaChanges.diff(database, entities, engine.vendor(), renames),
        SchemaChanges.diff(entities, database, engine.vendor(), inverse(renames)));
  }

  /** The revision graph this migrator runs. */
  public Revisions revisions() {
    return revisions;
  }

  /** The live schema without the migrator's own tables (the version table, H2's lock table). */
  public SchemaModel databaseModel() {
    SchemaModel live = Metadata.reflect(engine);
    Set<String> own = ownTables();
    List<TableModel> tables = live.tables().stream().filter(t -> !(t.schema() == null && own.contains(t.name())))
        .toList();
    return new SchemaModel(tables, live.sequences());
  }

  // --- internals -------------------------------------------------------------------------------

  private List<RevisionInfo> run(Function<List<String>, List<Step>> plan) {
    VersionTable table = versionTable();
    try (MigrationLock lock = MigrationLock.acquire(engine, dialect, versionTableName, lockTimeout);
        Connection c = engine.connect()) {
      boolean existed = table.exists(c);
      List<String> current = readCurrent(c);
      List<Step> steps = plan.apply(current);
      OnlineRun run = new OnlineRun(c, dialect, table, ownTables(), statementListener);
      if (!existed) {
        run.execute(table.create());
      }
      run.run(steps);
      return steps.stream().map(Step::revision).toList();
    } finally {
      // ids reserved from sequences the run may have dropped or recreated are stale, failed run or not
      engine.schemaChanged();
    }
  }

  private List<String> readCurrent(Connection c) {
    List<String> rows = versionTable().read(c);
    revisions.requireKnown(rows, "the version table " + versionTableName);
    return revisions.oldestFirst(rows);
  }

  private VersionTable versionTable() {
    return new VersionTable(versionTableName, dialect);
  }

  private Set<String> ownTables() {
    Set<String> own = new HashSet<>();
    own.add(versionTableName);
    own.add(versionTableName + "_lock");
    return own;
  }

  private SchemaModel requireModel() {
    if (model == null) {
      throw new MigrationException("no model to compare with: build the migrator with model(...), the entities'"
          + " SchemaModel");
    }
    return model;
  }

  private SchemaModel databaseAtHead() {
    List<String> current = current();
    List<String> heads = revisions.heads().stream().map(RevisionInfo::id).toList();
    if (!new HashSet<>(current).equals(new HashSet<>(heads))) {
      throw new MigrationException("the database is not up to date: current " + (current.isEmpty() ? "base" : current)
          + ", head " + heads + "; upgrade first");
    }
    return databaseModel();
  }

  /** The renames seen from the model back to the database. */
  private static SchemaChanges.Renames inverse(SchemaChanges.Renames renames) {
    Map<String, String> tables = new HashMap<>();
    renames.tables().forEach((from, to) -> tables.put(to, from));
    Map<String, String> columns = new HashMap<>();
    renames.columns().forEach((key, newColumn) -> {
      int dot = key.lastIndexOf('.');
      String table = key.substring(0, dot);
      String oldTable = tables.getOrDefault(table, table);
      columns.put(oldTable + "." + newColumn, key.substring(dot + 1));
    });
    return new SchemaChanges.Renames(tables, columns);
  }
}
