package dev.quarry.schema;

import dev.quarry.engine.Connectable;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.Table;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * All the tables of an application (SQLAlchemy's {@code MetaData}): typed table classes,
 * generated Q-classes and {@link Table#builder(String)} tables alike. Creates and drops them in
 * foreign-key order, skipping what already exists, and describes them as a comparable
 * {@link SchemaModel}. Immutable; {@link #with(Table...)} returns a copy with more tables.
 *
 * <pre>{@code
 * Metadata metadata = Metadata.of(USERS, ORDERS);
 * metadata.createAll(engine);   // parents first, CREATE only what is missing
 * metadata.dropAll(engine);     // children first, DROP only what exists
 * }</pre>
 */
public final class Metadata {
  private final Map<String, Table> tables;

  private Metadata(Map<String, Table> tables) {
    this.tables = tables;
  }

  /** Metadata of these tables; a table given twice counts once. */
  public static Metadata of(Table... tables) {
    return of(List.of(tables));
  }

  /** Metadata of these tables; a table given twice counts once. */
  public static Metadata of(Collection<? extends Table> tables) {
    return new Metadata(new LinkedHashMap<>()).with(tables);
  }

  /** A copy with these tables added. */
  public Metadata with(Table... more) {
    return with(List.of(more));
  }

  /**
   * A copy with these tables added, and with the {@link CompanionTables companions} of all its
   * tables whose referenced tables are all present (a many-to-many's association table joins once
   * both of its entities are here).
   */
  public Metadata with(Collection<? extends Table> more) {
    Map<String, Table> copy = new LinkedHashMap<>(tables);
    List<Table> owners = new java.util.ArrayList<>();
    for (Table t : more) {
      Objects.requireNonNull(t, "table");
      // joined inheritance: a subclass's metamodel spans several stored tables
      for (Table stored : t.alias() == null ? t.storedTables() : List.of(t)) {
        add(copy, stored);
      }
      owners.add(t);
    }
    owners.addAll(copy.values());
    for (Table t : owners) {
      if (t instanceof CompanionTables owner) {
        for (Table companion : owner.companionTables()) {
          if (referencesPresent(copy, companion)) {
            add(copy, companion);
          }
        }
      }
    }
    return new Metadata(copy);
  }

  private static void add(Map<String, Table> tables, Table t) {
    Objects.requireNonNull(t, "table");
    if (t.alias() != null) {
      throw new IllegalArgumentException("metadata holds tables, not aliases: add " + t.qualifiedName()
          + " instead of its alias " + t.alias());
    }
    Table previous = tables.putIfAbsent(t.qualifiedName(), t);
    if (previous != null && previous != t && !TableModel.of(previous).equals(TableModel.of(t))) {
      throw new IllegalArgumentException("metadata already has a different table named " + t.qualifiedName()
          + "; table names must be unique");
    }
  }

  private static boolean referencesPresent(Map<String, Table> tables, Table companion) {
    for (ForeignKey fk : companion.foreignKeys()) {
      String schema = fk.targetSchema() != null ? fk.targetSchema() : companion.schema();
      if (!tables.containsKey(schema == null ? fk.targetTable() : schema + "." + fk.targetTable())) {
        return false;
      }
    }
    return true;
  }

  /** Metadata of exactly this table, without companions (the single-table DDL below). */
  private static Metadata single(Table table) {
    Map<String, Table> one = new LinkedHashMap<>();
    add(one, table);
    return new Metadata(one);
  }

  /** The tables in the order they were added. */
  public List<Table> tables() {
    return List.copyOf(tables.values());
  }

  /** The tables ordered so that each comes after the tables it references (creation order). */
  public List<Table> sortedTables() {
    List<TableModel> models = models();
    List<TableModel> order = DependencyOrder.of(models).createOrder();
    List<Table> out = new ArrayList<>();
    for (TableModel m : order) {
      out.add(tables.get(m.qualifiedName()));
    }
    return out;
  }

  /** Whether a table of that name (in the default schema) is here. */
  public boolean hasTable(String name) {
    return tables.containsKey(name);
  }

  /** The table of that name in the default schema; an error lists the known tables if absent. */
  public Table table(String name) {
    return table(null, name);
  }

  /** The table of that schema and name; an error lists the known tables if absent. */
  public Table table(String schema, String name) {
    Table t = tables.get(schema == null ? name : schema + "." + name);
    if (t == null) {
      throw new IllegalArgumentException("no table " + (schema == null ? name : schema + "." + name)
          + " in this metadata; it has " + tables.keySet());
    }
    return t;
  }

  /** The schema as a value: equal for equal definitions, whatever the order they were added in. */
  public SchemaModel model() {
    return SchemaModel.of(tables.values());
  }

  /**
   * The tables and sequences of the connection's default schema as the live database has them
   * (SQLAlchemy's {@code MetaData.reflect}): reading back what {@link #createAll} created gives a
   * model equal to {@link #model()} except where the database keeps less than the definition said
   * (docs/DATABASES.md, "Reading a live schema", lists what each database loses).
   */
  public static SchemaModel reflect(Connectable source) {
    return reflect(source, null);
  }

  /** {@link #reflect(Connectable)} for a named schema (a database on MariaDB); its tables carry that schema name. */
  public static SchemaModel reflect(Connectable source, String schema) {
    Dialect dialect = Dialect.of(source);
    return source.withConnection(c -> SchemaReader.read(c.jdbc(), dialect, schema));
  }

  /**
   * The tables of the default schema as {@link Table}s for Core statements, by name
   * ({@code Sql.select(t.column("name")).from(t)}); {@link SchemaModel#toTables()} of
   * {@link #reflect(Connectable)}.
   */
  public static Map<String, Table> reflectTables(Connectable source) {
    return reflect(source).toTables();
  }

  /** The DDL that creates every table, index and sequence on {@code vendor}, parents first. */
  public List<String> createStatements(Vendor vendor) {
    SchemaModel model = model();
    return new DdlPlan(DdlWriter.of(vendor)).create(models(), model.sequences(), DdlPlan.Existing.NOTHING);
  }

  /** The DDL that drops every table and sequence on {@code vendor}, children first. */
  public List<String> dropStatements(Vendor vendor) {
    SchemaModel model = model();
    return new DdlPlan(DdlWriter.of(vendor)).drop(models(), model.sequences(), DdlPlan.Existing.EVERYTHING);
  }

  /** The DDL that creates one table and its indexes on {@code vendor}. */
  public static List<String> createStatements(Table table, Vendor vendor) {
    return single(table).createStatements(vendor);
  }

  /** The DDL that drops one table on {@code vendor}. */
  public static List<String> dropStatements(Table table, Vendor vendor) {
    return single(table).dropStatements(vendor);
  }

  /**
   * Creates the sequences and tables that do not exist yet, each table with its indexes, parents
   * first (SQLAlchemy's {@code create_all(checkfirst=True)}). A table that exists is left alone,
   * its indexes and constraints included: changing a live table is a migration's job. Runs in one
   * transaction — a new one, or the
   * connection's current one — so a failure leaves nothing half-created where DDL is
   * transactional (SQLite, PostgreSQL).
   *
   * @return the statements that ran
   */
  public List<String> createAll(Connectable target) {
    return createAll(target, true);
  }

  /** {@link #createAll(Connectable)}, optionally without checking what exists first. */
  public List<String> createAll(Connectable target, boolean checkFirst) {
    return inTransaction(target, t -> createAll(t, checkFirst));
  }

  /**
   * Drops the tables and sequences that exist, children first (SQLAlchemy's
   * {@code drop_all(checkfirst=True)}), in one transaction.
   *
   * @return the statements that ran
   */
  public List<String> dropAll(Connectable target) {
    return dropAll(target, true);
  }

  /** {@link #dropAll(Connectable)}, optionally without checking what exists first. */
  public List<String> dropAll(Connectable target, boolean checkFirst) {
    return inTransaction(target, t -> dropAll(t, checkFirst));
  }

  /**
   * Creates one table with its indexes and sequences (SQLAlchemy's {@code Table.create}); fails
   * if it exists. The table's foreign keys must reference tables that exist (except on SQLite).
   */
  public static List<String> create(Connectable target, Table table) {
    return single(table).createAll(target, false);
  }

  /** Drops one table and its sequences (SQLAlchemy's {@code Table.drop}); fails if it does not exist. */
  public static List<String> drop(Connectable target, Table table) {
    return single(table).dropAll(target, false);
  }

  /**
   * Runs DDL in the caller's transaction or a new one; afterwards (also after a failure, since
   * some databases commit DDL as it runs) the engine forgets what it kept about the old schema.
   */
  private static List<String> inTransaction(Connectable target, Function<DdlTarget, List<String>> work) {
    return target.withConnection(c -> {
      try {
        return c.isInTransaction()
            ? work.apply(new EngineTarget(c))
            : c.inTransaction(tx -> work.apply(new EngineTarget(tx)));
      } finally {
        c.engine().schemaChanged();
      }
    });
  }

  /** Creates what is missing (or everything, without checking); returns the statements that ran. */
  List<String> createAll(DdlTarget target, boolean checkFirst) {
    return DdlRunner.create(models(), model().sequences(), target, checkFirst);
  }

  /** Drops what exists (or everything, without checking); returns the statements that ran. */
  List<String> dropAll(DdlTarget target, boolean checkFirst) {
    return DdlRunner.drop(models(), model().sequences(), target, checkFirst);
  }

  /** Table models in the order the tables were added (ties in dependency order keep it). */
  private List<TableModel> models() {
    List<TableModel> models = new ArrayList<>();
    for (Table t : tables.values()) {
      models.add(TableModel.of(t));
    }
    return models;
  }

  @Override
  public String toString() {
    return "Metadata" + tables.keySet();
  }
}
