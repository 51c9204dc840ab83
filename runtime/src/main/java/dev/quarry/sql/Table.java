package dev.quarry.sql;

import dev.quarry.types.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A database table (or an alias of one) with its columns and constraints.
 *
 * <p>Typed tables are subclasses whose fields are created by the protected column factories;
 * the processor generates one per entity ({@code QUser}), and Core users write their own:
 *
 * <pre>{@code
 * public final class Users extends Table {
 *   public final NumberColumn<Long> id = numberColumn(ColumnSpec.of("id", SqlTypes.BIGINT).primaryKey().autoIncrement());
 *   public final StringColumn name = stringColumn(ColumnSpec.of("name", SqlTypes.varchar(50)).notNull());
 *   public Users() { this(null); }
 *   private Users(String alias) { super(null, "users", alias); }
 *   @Override public Users as(String alias) { return new Users(alias); }
 * }
 * }</pre>
 *
 * <p>Untyped tables come from {@link #builder(String)}; their columns are found by name.
 * A table is mutable only while its constructor runs; afterwards it is an immutable value
 * shared freely between threads.
 */
public class Table implements TableLike {
  private final String schema;
  private final String name;
  private final String alias;
  private final List<Column<?>> columns = new ArrayList<>();
  /** A read-only view of {@link #columns} (it sees columns added later), made once: the ORM asks per row. */
  private final List<Column<?>> columnsView = Collections.unmodifiableList(columns);
  private final Map<String, Column<?>> byName = new HashMap<>();
  private final List<ForeignKey> foreignKeys = new ArrayList<>();
  private final List<IndexDef> indexes = new ArrayList<>();
  private final List<UniqueDef> uniques = new ArrayList<>();
  private final List<CheckDef> checks = new ArrayList<>();
  private final List<SequenceDef> sequences = new ArrayList<>();
  /** What this table contributes to a statement's shape (see the render cache). */
  final Object shapeToken;
  /** See {@link #columnList()}. */
  private volatile List<Column<?>> frozenColumns;

  /**
   * @param schema schema name or null for the connection's default
   * @param name table name (unquoted; the dialect quotes it)
   * @param alias alias used in queries, or null for the table itself
   */
  protected Table(String schema, String name, String alias) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a table needs a non-empty name");
    }
    this.schema = schema == null || schema.isEmpty() ? null : schema;
    this.name = name;
    this.alias = alias == null || alias.isEmpty() ? null : alias;
    this.shapeToken = new Nodes.NameToken(this.schema, name, this.alias, null);
  }

  /** Starts an untyped table definition (Core without generated classes). */
  public static Builder builder(String name) {
    return new Builder(null, name);
  }

  /** Starts an untyped table definition in a schema. */
  public static Builder builder(String schema, String name) {
    return new Builder(schema, name);
  }

  /** Schema name, or null. */
  public final String schema() {
    return schema;
  }

  /** Table name (unquoted). */
  public final String name() {
    return name;
  }

  /** Alias, or null when this is the table itself. */
  public final String alias() {
    return alias;
  }

  /** The alias if there is one, else the name: how the table is referred to in a query. */
  public final String displayName() {
    return alias != null ? alias : name;
  }

  /** Schema-qualified name, e.g. {@code shop.users}. */
  public final String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }

  /** The columns in declaration order. */
  public final List<Column<?>> columns() {
    return columnsView;
  }

  /**
   * The columns as an immutable list, copied once after construction: a selected table's
   * columns are its rows' keys on every compile. Re-copied if columns were added since (only
   * possible while a constructor still runs).
   */
  final List<Column<?>> columnList() {
    List<Column<?>> frozen = frozenColumns;
    if (frozen == null || frozen.size() != columns.size()) {
      frozen = List.copyOf(columns);
      frozenColumns = frozen;
    }
    return frozen;
  }

  /** The column of that name, or an {@link IllegalArgumentException} naming the table and its columns. */
  public final Column<?> column(String columnName) {
    Column<?> c = byName.get(columnName);
    if (c == null) {
      throw new IllegalArgumentException("table " + qualifiedName() + " has no column '" + columnName
          + "'; its columns are " + byName.keySet());
    }
    return c;
  }

  /** Whether a column of that name exists. */
  public final boolean hasColumn(String columnName) {
    return byName.containsKey(columnName);
  }

  /** Columns of the primary key in key order. */
  public final List<Column<?>> primaryKey() {
    List<Column<?>> pk = new ArrayList<>();
    for (Column<?> c : columns) {
      if (c.spec().isPrimaryKey()) {
        pk.add(c);
      }
    }
    return Collections.unmodifiableList(pk);
  }

  public final List<ForeignKey> foreignKeys() {
    return Collections.unmodifiableList(foreignKeys);
  }

  public final List<IndexDef> indexes() {
    return Collections.unmodifiableList(indexes);
  }

  public final List<UniqueDef> uniqueConstraints() {
    return Collections.unmodifiableList(uniques);
  }

  public final List<CheckDef> checks() {
    return Collections.unmodifiableList(checks);
  }

  /** Sequences this table's keys are drawn from; created and dropped with the table. */
  public final List<SequenceDef> sequences() {
    return Collections.unmodifiableList(sequences);
  }

  /**
   * What this table reads as in FROM when its rows are stored in several tables (joined
   * inheritance: a join of the stored tables, rendered as {@code (SELECT ...) AS "name"}); null
   * for a stored table. Overridden by generated metamodels only.
   */
  public Select source() {
    return null;
  }

  /**
   * The tables that store this table's rows, for DDL: this table itself, or the stored tables of
   * a joined-inheritance hierarchy ({@link #source()}).
   */
  public List<Table> storedTables() {
    return List.of(this);
  }

  /**
   * This table under another name in a query (self-joins, correlated subqueries). Typed tables
   * override this to return their own type; the default gives an untyped copy.
   */
  public Table as(String newAlias) {
    Table copy = new Table(schema, name, newAlias);
    copy.copyDefinitionFrom(this);
    return copy;
  }

  /** Whether {@code other} is this table or an alias of the same table. */
  public final boolean sameTableAs(Table other) {
    return other != null && other.name.equals(name) && Objects.equals(other.schema, schema);
  }

  // --- column factories for subclasses and builders ---------------------------------------

  protected final StringColumn stringColumn(ColumnSpec<String> spec) {
    return register(new StringColumn(this, spec, columns.size()));
  }

  protected final <N extends Number & Comparable<? super N>> NumberColumn<N> numberColumn(ColumnSpec<N> spec) {
    return register(new NumberColumn<>(this, spec, columns.size()));
  }

  protected final BooleanColumn booleanColumn(ColumnSpec<Boolean> spec) {
    return register(new BooleanColumn(this, spec, columns.size()));
  }

  protected final <T extends Comparable<? super T>> TemporalColumn<T> temporalColumn(ColumnSpec<T> spec) {
    return register(new TemporalColumn<>(this, spec, columns.size()));
  }

  protected final <E extends Enum<E>> EnumColumn<E> enumColumn(ColumnSpec<E> spec) {
    return register(new EnumColumn<>(this, spec, columns.size()));
  }

  protected final <T extends Comparable<? super T>> ComparableColumn<T> comparableColumn(ColumnSpec<T> spec) {
    return register(new ComparableColumn<>(this, spec, columns.size()));
  }

  protected final <T> ObjectColumn<T> objectColumn(ColumnSpec<T> spec) {
    return register(new ObjectColumn<>(this, spec, columns.size()));
  }

  /** A column whose class is chosen from its Java type (String → {@link StringColumn}, …). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  protected final Column<?> column(ColumnSpec<?> spec) {
    SqlType<?> type = spec.type();
    Class<?> javaType = type.javaType();
    if (javaType == String.class) {
      return stringColumn((ColumnSpec<String>) spec);
    } else if (javaType == Boolean.class) {
      return booleanColumn((ColumnSpec<Boolean>) spec);
    } else if (Number.class.isAssignableFrom(javaType) && Comparable.class.isAssignableFrom(javaType)) {
      return register(new NumberColumn(this, spec, columns.size()));
    } else if (Enum.class.isAssignableFrom(javaType)) {
      return register(new EnumColumn(this, spec, columns.size()));
    } else if (Temporal.class.isAssignableFrom(javaType) && Comparable.class.isAssignableFrom(javaType)) {
      return register(new TemporalColumn(this, spec, columns.size()));
    } else if (Comparable.class.isAssignableFrom(javaType)) {
      return register(new ComparableColumn(this, spec, columns.size()));
    }
    return objectColumn(spec);
  }

  // --- table-level definitions ------------------------------------------------------------

  protected final void foreignKey(String fkName, List<String> fkColumns, String targetSchema, String targetTable,
      List<String> targetColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
    foreignKeys.add(new ForeignKey(fkName, fkColumns, targetSchema, targetTable, targetColumns, onDelete, onUpdate));
  }

  protected final void index(String indexName, boolean unique, String... indexColumns) {
    indexes.add(new IndexDef(indexName, List.of(indexColumns), unique));
  }

  protected final void unique(String constraintName, String... uniqueColumns) {
    uniques.add(new UniqueDef(constraintName, List.of(uniqueColumns)));
  }

  protected final void check(String constraintName, String sql) {
    checks.add(new CheckDef(constraintName, sql));
  }

  protected final void sequence(String sequenceName, int allocationSize) {
    sequences.add(new SequenceDef(schema, sequenceName, allocationSize));
  }

  private <C extends Column<?>> C register(C column) {
    if (byName.putIfAbsent(column.name(), column) != null) {
      throw new IllegalArgumentException("table " + qualifiedName() + " already has a column '" + column.name() + "'");
    }
    columns.add(column);
    return column;
  }

  private void copyDefinitionFrom(Table source) {
    for (Column<?> c : source.columns) {
      column(c.spec());
    }
    foreignKeys.addAll(source.foreignKeys);
    indexes.addAll(source.indexes);
    uniques.addAll(source.uniques);
    checks.addAll(source.checks);
    sequences.addAll(source.sequences);
  }

  @Override
  public String toString() {
    return alias == null ? qualifiedName() : qualifiedName() + " AS " + alias;
  }

  /** Fluent definition of an untyped table. */
  public static final class Builder {
    private final Table table;

    private Builder(String schema, String name) {
      this.table = new Table(schema, name, null);
    }

    public Builder column(ColumnSpec<?> spec) {
      table.column(spec);
      return this;
    }

    public Builder foreignKey(String name, List<String> columns, String targetTable, List<String> targetColumns,
        ReferentialAction onDelete) {
      table.foreignKey(name, columns, null, targetTable, targetColumns, onDelete, ReferentialAction.DEFAULT);
      return this;
    }

    /** A foreign key to a table in another schema (null: this table's), with both actions. */
    public Builder foreignKey(String name, List<String> columns, String targetSchema, String targetTable,
        List<String> targetColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
      table.foreignKey(name, columns, targetSchema, targetTable, targetColumns, onDelete, onUpdate);
      return this;
    }

    /** A sequence created and dropped with the table, in the table's schema. */
    public Builder sequence(String name, int allocationSize) {
      table.sequence(name, allocationSize);
      return this;
    }

    public Builder index(String name, boolean unique, String... columns) {
      table.index(name, unique, columns);
      return this;
    }

    public Builder unique(String name, String... columns) {
      table.unique(name, columns);
      return this;
    }

    public Builder check(String name, String sql) {
      table.check(name, sql);
      return this;
    }

    public Table build() {
      return table;
    }
  }
}
