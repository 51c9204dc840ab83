package dev.quarry.orm.internal;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Executable;
import dev.quarry.engine.Parameter;
import dev.quarry.engine.ResultColumn;
import dev.quarry.orm.ObjectStateException;
import dev.quarry.orm.OrmException;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.IdGeneration;
import dev.quarry.spi.JoinedTables;
import dev.quarry.spi.Polymorphism;
import dev.quarry.sql.Column;
import dev.quarry.sql.Expression;
import dev.quarry.sql.Insert;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Select;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.sql.Update;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements that write and read the rows of one entity on one database, built with the SQL
 * layer once per shape and reused as templates whose values are bound per row: INSERT of a set of
 * columns (reading an identity key back), UPDATE of a set of columns by primary key (guarded by
 * the loaded version), DELETE by primary key, and SELECT of every column by primary key. The
 * session's unit of work, bulk inserts and the generated DAOs all write through it (SQLAlchemy's
 * {@code persistence.py} memoising {@code table.insert()} per mapper).
 *
 * <p>For joined inheritance a persister has one part per stored table of the class, root first:
 * each part writes the columns its table stores, the root's part the key and the version.
 */
public final class Persister {
  private final EntityMapping<Object> mapping;
  private final Dialect dialect;
  private final Table stored;
  /** For joined inheritance the columns (of the mapping's layout) stored in this part's table; else null. */
  private final int[] own;
  private final boolean root;
  private final boolean identity;
  private final Map<ColumnSet, Executable> inserts = new ConcurrentHashMap<>();
  private final Map<ColumnSet, Executable> updates = new ConcurrentHashMap<>();
  private final Executable delete;
  private final CompiledStatement selectById;
  private final List<Persister> parts;

  @SuppressWarnings("unchecked")
  public Persister(EntityMapping<?> mapping, Dialect dialect) {
    this((EntityMapping<Object>) mapping, dialect, mapping.table(), null, true);
  }

  private Persister(EntityMapping<Object> mapping, Dialect dialect, Table stored, int[] own, boolean root) {
    this.mapping = mapping;
    this.dialect = dialect;
    this.stored = stored;
    this.own = own;
    this.root = root;
    this.identity = root && mapping.idGeneration().strategy() == IdGeneration.Strategy.IDENTITY
        && mapping.primaryKeyColumns().length == 1;
    Polymorphism p = mapping.polymorphism();
    JoinedTables joined = p == null || own != null ? null : p.joined();
    // joined inheritance: the class's own persister reads through the join; its parts write
    this.delete = joined != null ? null
        : template(Sql.deleteFrom(stored).where(keyIs(root ? mapping.versionColumn() : -1)));
    this.selectById = own != null ? null : selectByKey(mapping.table());
    List<Persister> split = new ArrayList<>();
    if (joined != null) {
      int[] path = p.path();
      for (int k = 0; k < path.length; k++) {
        split.add(new Persister(mapping, dialect, joined.tables().get(path[k]), joined.columnsOf(path[k]), k == 0));
      }
    }
    this.parts = joined == null ? List.of(this) : List.copyOf(split);
  }

  /** This part's table's column for column {@code index} of the mapping's layout. */
  Column<?> column(int index) {
    Column<?> c = mapping.table().columns().get(index);
    return own == null ? c : stored.column(c.name());
  }

  /** {@code pk = ? [AND version = ?]} with parameters in that order. */
  private Predicate keyIs(int version) {
    List<Predicate> terms = new ArrayList<>();
    for (int k : mapping.primaryKeyColumns()) {
      terms.add(equalsParameter(column(k)));
    }
    if (version >= 0) {
      terms.add(equalsParameter(column(version)));
    }
    return Sql.and(terms);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Predicate equalsParameter(Column<?> c) {
    return ((Column) c).eq((Expression) Sql.param(c));
  }

  /** SELECT of every column by key from {@code table} (for joined inheritance, the join of the stored tables). */
  private CompiledStatement selectByKey(Table table) {
    List<Column<?>> columns = table.columns();
    Select s = Sql.select(columns.toArray(new Column<?>[0])).from(table).where(keyIs(-1));
    return s.compile(dialect.vendor(), dialect.identifierQuoting());
  }

  private Executable template(dev.quarry.engine.Executable statement) {
    CompiledStatement c = statement.compile(dialect.vendor(), dialect.identifierQuoting());
    return c;
  }

  private boolean holds(int column) {
    if (own == null) {
      return true;
    }
    for (int c : own) {
      if (c == column) {
        return true;
      }
    }
    return false;
  }

  EntityMapping<Object> mapping() {
    return mapping;
  }

  /** The database and identifier quoting these statements are compiled for. */
  public Dialect dialect() {
    return dialect;
  }

  /** The table this part writes. */
  Table storedTable() {
    return stored;
  }

  /**
   * The statements per stored table, in INSERT order: this one, or for joined inheritance one per
   * table of the class (root first).
   */
  public List<Persister> parts() {
    return parts;
  }

  /** Whether this part holds the root's columns (key generation, version). */
  boolean rootPart() {
    return root;
  }

  /** Whether this part's INSERT leaves the key to the database and reads it back. */
  boolean readsIdentityKey() {
    return identity;
  }

  /** {@code columns} that this part stores, in the same order. */
  int[] stored(int[] columns) {
    if (own == null) {
      return columns;
    }
    return Arrays.stream(columns).filter(this::holds).toArray();
  }

  /**
   * The id the client gives a new row of this class that has none: a random UUID (as a
   * {@code String} where the id is one), or the next value of the entity's pooled sequence drawn
   * on {@code connection}; null where the database generates it (identity).
   *
   * @throws ObjectStateException for an application-assigned id that is null
   */
  public Object newId(dev.quarry.engine.Connection connection) {
    IdGeneration generation = mapping.idGeneration();
    return switch (generation.strategy()) {
      case UUID -> {
        java.util.UUID u = java.util.UUID.randomUUID();
        yield mapping.idType() == String.class ? u.toString() : u;
      }
      case SEQUENCE -> {
        Column<?> key = mapping.table().columns().get(mapping.primaryKeyColumns()[0]);
        long next = IdAllocators.of(connection.engine()).allocator(mapping.table(), generation, key).next(connection);
        yield Ids.convert(next, mapping.idType());
      }
      case ASSIGNED -> throw new ObjectStateException(mapping.entityName() + " has an application-assigned id, but "
          + "this object's id is null: set the id before inserting it (or declare @GeneratedValue)");
      case IDENTITY -> null; // read back after the INSERT
    };
  }

  /** Runs {@code statement} for the one row of {@code values}. */
  public dev.quarry.engine.BatchResult batch(StatementRunner runner, Executable statement, List<Object> values) {
    return runner.batch(statement, List.of(values));
  }

  /** Receives the key the database generated for row {@code row} of an insert. */
  @FunctionalInterface
  public interface KeySink {
    void generated(int row, Object id);
  }

  /**
   * Inserts the rows of {@code entities} (objects of this persister's class) through every part,
   * root first: one batch per shape, where a row leaves out the columns it holds null for that
   * the database fills in (a server default, an identity key). Generated identity keys go to
   * {@code keys} (row index, id); values the database gave left-out columns are read back into
   * the objects, so after the insert each object holds what its row holds.
   */
  public void insert(StatementRunner runner, List<?> entities, KeySink keys) {
    for (Persister part : parts) {
      part.insertPart(runner, entities, keys);
    }
  }

  private void insertPart(StatementRunner runner, List<?> entities, KeySink keys) {
    Map<ColumnSet, List<Integer>> byShape = new java.util.LinkedHashMap<>();
    for (int r = 0; r < entities.size(); r++) {
      byShape.computeIfAbsent(new ColumnSet(shape(entities.get(r))), k -> new ArrayList<>()).add(r);
    }
    int[] pk = mapping.primaryKeyColumns();
    for (Map.Entry<ColumnSet, List<Integer>> group : byShape.entrySet()) {
      int[] columns = group.getKey().columns;
      List<Integer> rows = group.getValue();
      List<List<Object>> values = new ArrayList<>(rows.size());
      for (int r : rows) {
        values.add(values(entities.get(r), columns, null, false, null));
      }
      dev.quarry.engine.BatchResult result = runner.batch(insert(columns), values);
      if (identity && !contains(columns, pk[0])) {
        List<dev.quarry.engine.Row> generated = result.generatedKeys();
        if (generated.size() != rows.size()) {
          throw new OrmException("the driver returned " + generated.size() + " generated keys for " + rows.size()
              + " rows inserted into " + stored.qualifiedName());
        }
        Column<?> key = mapping.table().columns().get(pk[0]);
        for (int i = 0; i < rows.size(); i++) {
          keys.generated(rows.get(i), mapping.idOf(new Object[] {generated.get(i).get(0, key.type())}));
        }
      }
      int[] missing = readBackColumns(columns);
      if (missing.length > 0) {
        List<Object> inserted = new ArrayList<>(rows.size());
        for (int r : rows) {
          inserted.add(entities.get(r));
        }
        ServerDefaults.readBack(runner, this, missing, inserted);
      }
    }
  }

  /**
   * The columns the INSERT of {@code entity} writes, in table order: those this part stores and
   * may insert, except those the object holds null for that the database fills in (a server
   * default, or the identity key; an identity key the object does hold is written as given).
   */
  private int[] shape(Object entity) {
    List<Column<?>> columns = mapping.table().columns();
    int[] pk = mapping.primaryKeyColumns();
    int[] shape = new int[columns.size()];
    int n = 0;
    for (int i = 0; i < columns.size(); i++) {
      Column<?> c = columns.get(i);
      if (!holds(i) || !c.spec().isInsertable()) {
        continue;
      }
      boolean filledIn = c.spec().serverDefault() != null || identity && pk[0] == i;
      if (filledIn && mapping.get(entity, i) == null) {
        continue;
      }
      shape[n++] = i;
    }
    return Arrays.copyOf(shape, n);
  }

  /** The columns with a server default that an INSERT of {@code written} left to the database. */
  private int[] readBackColumns(int[] written) {
    List<Column<?>> columns = mapping.table().columns();
    int[] out = new int[columns.size()];
    int n = 0;
    for (int i = 0; i < columns.size(); i++) {
      if (holds(i) && columns.get(i).spec().serverDefault() != null && !columns.get(i).spec().isPrimaryKey()
          && !contains(written, i)) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static boolean contains(int[] columns, int column) {
    for (int c : columns) {
      if (c == column) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parameter values of one row: {@code columns}' current values, then the primary key
   * {@code id} when given (for UPDATE and DELETE: the key the row was loaded with, so a changed
   * key still finds its row), then the loaded {@code version} when {@code versioned}.
   */
  public List<Object> values(Object entity, int[] columns, Object id, boolean versioned, Object version) {
    int[] pk = mapping.primaryKeyColumns();
    Object[] out = new Object[columns.length + (id == null ? 0 : pk.length) + (versioned ? 1 : 0)];
    int i = 0;
    for (int c : columns) {
      out[i++] = mapping.get(entity, c);
    }
    if (id != null) {
      Object[] key = mapping.idValues(id);
      System.arraycopy(key, 0, out, i, key.length);
      i += key.length;
    }
    if (versioned) {
      out[i] = version;
    }
    return Arrays.asList(out);
  }

  /**
   * The INSERT of {@code columns} (in table order); it reads the generated key back where the key
   * is an identity the columns leave out.
   */
  public Executable insert(int[] columns) {
    ColumnSet key = new ColumnSet(columns);
    Executable statement = inserts.get(key);
    if (statement == null) {
      Column<?>[] cols = new Column<?>[columns.length];
      Object[] values = new Object[columns.length];
      for (int k = 0; k < columns.length; k++) {
        cols[k] = column(columns[k]);
        values[k] = Sql.param(cols[k]);
      }
      Insert insert = Sql.insertInto(stored).columns(cols);
      insert = columns.length == 0 ? insert : insert.values(values);
      CompiledStatement c = insert.compile(dialect.vendor(), dialect.identifierQuoting());
      if (identity && !contains(columns, mapping.primaryKeyColumns()[0])) {
        Column<?> k = mapping.table().columns().get(mapping.primaryKeyColumns()[0]);
        c = new CompiledStatement(c.sql(), c.parameters(), List.of(new ResultColumn(k.name(), k.name(), k.type())),
            List.of(k.name()));
      }
      CompiledStatement compiled = c;
      statement = compiled;
      inserts.put(new ColumnSet(columns.clone()), statement);
    }
    return statement;
  }

  /** The DELETE by primary key, parameters the key's columns then the version's (when versioned). */
  public Executable delete() {
    return delete;
  }

  /**
   * UPDATE of {@code columns} (which include the version column when versioned) by primary key,
   * guarded by the loaded version when versioned: parameters are the columns, the key, the version.
   */
  public Executable update(int[] columns) {
    ColumnSet key = new ColumnSet(columns);
    Executable statement = updates.get(key);
    if (statement == null) {
      Update u = Sql.update(stored);
      for (int c : columns) {
        u = set(u, column(c));
      }
      statement = template(u.where(keyIs(root ? mapping.versionColumn() : -1)));
      updates.put(new ColumnSet(columns.clone()), statement);
    }
    return statement;
  }

  private static <T> Update set(Update u, Column<T> c) {
    Expression<T> value = Sql.param(c);
    return u.set(c, value);
  }

  /** SELECT of every column (in the mapping's order) by primary key, with the values of {@code id} bound. */
  Executable selectById(Object id) {
    Object[] values = mapping.idValues(id);
    List<Parameter> shape = selectById.parameters();
    List<Parameter> bound = new ArrayList<>(shape.size());
    for (int k = 0; k < shape.size(); k++) {
      Parameter p = shape.get(k);
      bound.add(new Parameter(p.name(), values[k], p.type()));
    }
    CompiledStatement c = new CompiledStatement(selectById.sql(), bound, List.of(), List.of());
    return c;
  }

  /** An int[] compared by content, as a cache key. */
  private static final class ColumnSet {
    private final int[] columns;
    private final int hash;

    ColumnSet(int[] columns) {
      this.columns = columns;
      this.hash = Arrays.hashCode(columns);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ColumnSet c && Arrays.equals(c.columns, columns);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
