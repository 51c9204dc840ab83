package dev.quarry.orm;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Executable;
import dev.quarry.engine.Parameter;
import dev.quarry.engine.ResultColumn;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.IdGeneration;
import dev.quarry.spi.JoinedTables;
import dev.quarry.spi.Polymorphism;
import dev.quarry.sql.Column;
import dev.quarry.sql.Table;
import dev.quarry.sql.dialect.Dialect;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fixed-shape statements the unit of work sends for one entity on one database: INSERT,
 * UPDATE of a set of columns, DELETE and SELECT by primary key. Each shape is rendered once and
 * reused (UPDATEs per changed-column set); values are always bound parameters and identifiers
 * always quoted.
 */
final class EntitySql {
  private final EntityMapping<?> mapping;
  private final Vendor vendor;
  private final String table;
  private final String[] quotedColumns;
  private final int[] insertColumns;
  private final String insertSql;
  private final String deleteSql;
  private final String selectList;
  private final String selectByIdSql;
  private final String pkWhere;
  private final Map<ColumnSet, Executable> updates = new ConcurrentHashMap<>();
  private final Executable insert;
  private final Executable delete;
  private final int[] own;
  private final boolean root;
  private final List<EntitySql> parts;

  EntitySql(EntityMapping<?> mapping, Vendor vendor) {
    this(mapping, vendor, mapping.table(), null, true);
  }

  /**
   * The statements of the part of {@code mapping}'s columns stored in {@code stored}: all of them
   * ({@code own} null), or for joined inheritance the columns {@code own} of one stored table, of
   * which the root's ({@code root}) holds the version and the generated key.
   */
  private EntitySql(EntityMapping<?> mapping, Vendor vendor, Table stored, int[] own, boolean root) {
    this.mapping = mapping;
    this.vendor = vendor;
    this.own = own;
    this.root = root;
    Table t = mapping.table();
    this.table = quoteTable(stored, vendor);
    List<Column<?>> columns = t.columns();
    this.quotedColumns = new String[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      quotedColumns[i] = Identifiers.quote(vendor, columns.get(i).name());
    }
    boolean identity = mapping.idGeneration().strategy() == IdGeneration.Strategy.IDENTITY;
    int[] pk = mapping.primaryKeyColumns();
    List<Integer> insert = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      boolean generatedKey = root && identity && pk.length == 1 && pk[0] == i;
      if (!generatedKey && columns.get(i).spec().isInsertable() && holds(i)) {
        insert.add(i);
      }
    }
    this.insertColumns = insert.stream().mapToInt(Integer::intValue).toArray();
    StringBuilder sb = new StringBuilder("INSERT INTO ").append(table).append(" (");
    StringBuilder values = new StringBuilder();
    for (int k = 0; k < insertColumns.length; k++) {
      if (k > 0) {
        sb.append(", ");
        values.append(", ");
      }
      sb.append(quotedColumns[insertColumns[k]]);
      values.append('?');
    }
    if (insertColumns.length == 0) {
      this.insertSql = "INSERT INTO " + table + Dialect.of(vendor).insertDefaultValues();
    } else {
      this.insertSql = sb.append(") VALUES (").append(values).append(')').toString();
    }
    StringBuilder where = new StringBuilder();
    for (int k = 0; k < pk.length; k++) {
      where.append(k == 0 ? "" : " AND ").append(quotedColumns[pk[k]]).append(" = ?");
    }
    this.pkWhere = where.toString();
    int version = root ? mapping.versionColumn() : -1;
    this.deleteSql = "DELETE FROM " + table + " WHERE " + pkWhere
        + (version >= 0 ? " AND " + quotedColumns[version] + " = ?" : "");
    this.selectList = String.join(", ", quotedColumns);
    Polymorphism p = mapping.polymorphism();
    JoinedTables joined = p == null || own != null ? null : p.joined();
    // joined inheritance: read through the join of the stored tables, written table by table
    String from = joined == null ? table
        : "(" + t.source().compile(vendor).sql() + ") AS " + Identifiers.quote(vendor, t.name());
    this.selectByIdSql = "SELECT " + selectList + " FROM " + from + " WHERE " + pkWhere;
    List<EntitySql> split = new ArrayList<>();
    if (joined != null) {
      int[] path = p.path();
      for (int k = 0; k < path.length; k++) {
        split.add(new EntitySql(mapping, vendor, joined.tables().get(path[k]), joined.columnsOf(path[k]), k == 0));
      }
    }
    this.parts = joined == null ? List.of(this) : List.copyOf(split);
    boolean generatedKey = root && identity && pk.length == 1;
    Column<?> key = columns.get(pk[0]);
    this.insert = generatedKey
        ? template(insertSql, shape(insertColumns), List.of(new ResultColumn(key.name(), key.name(), key.type())),
            List.of(key.name()))
        : template(insertSql, shape(insertColumns), List.of(), List.of());
    this.delete = template(deleteSql, shape(concat(pk, version >= 0 ? new int[] {version} : new int[0])), List.of(),
        List.of());
  }

  /**
   * A statement of fixed text whose parameters have names and types and no values (bound per row),
   * reading {@code keys} back as {@code keyColumns}.
   */
  private static Executable template(String sql, List<Parameter> shape, List<ResultColumn> keyColumns,
      List<String> keys) {
    CompiledStatement c = new CompiledStatement(sql, shape, keyColumns, keys);
    return v -> c;
  }

  private List<Parameter> shape(int[] columnIndexes) {
    List<Column<?>> columns = mapping.table().columns();
    List<Parameter> shape = new ArrayList<>(columnIndexes.length);
    for (int c : columnIndexes) {
      shape.add(new Parameter(columns.get(c).name(), null, columns.get(c).type()));
    }
    return shape;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
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

  /**
   * The statements per stored table, in INSERT order: this one, or for joined inheritance one per
   * table of the class (root first).
   */
  List<EntitySql> parts() {
    return parts;
  }

  /** Whether this part holds the root's columns (key generation, version). */
  boolean rootPart() {
    return root;
  }

  /** {@code columns} that this part stores, in the same order. */
  int[] stored(int[] columns) {
    if (own == null) {
      return columns;
    }
    return java.util.Arrays.stream(columns).filter(this::holds).toArray();
  }

  static String quoteTable(Table t, Vendor vendor) {
    return t.schema() == null ? Identifiers.quote(vendor, t.name())
        : Identifiers.quote(vendor, t.schema()) + "." + Identifiers.quote(vendor, t.name());
  }

  EntityMapping<?> mapping() {
    return mapping;
  }

  Vendor vendor() {
    return vendor;
  }

  String table() {
    return table;
  }

  String column(int index) {
    return quotedColumns[index];
  }

  /** Indexes of the columns an INSERT writes, in statement order. */
  int[] insertColumns() {
    return insertColumns;
  }

  String insertSql() {
    return insertSql;
  }

  /** DELETE by primary key (and version when versioned): pk parameters first, then the version. */
  String deleteSql() {
    return deleteSql;
  }

  /** Every column in table order, quoted and comma-separated (for SELECT lists). */
  String selectList() {
    return selectList;
  }

  String selectByIdSql() {
    return selectByIdSql;
  }

  /** The INSERT, parameters in {@link #insertColumns()} order; it asks for the generated key where the key is an identity. */
  Executable insert() {
    return insert;
  }

  /** The DELETE by primary key, parameters the key's columns then the version's (when versioned). */
  Executable delete() {
    return delete;
  }

  /** SELECT of every column by primary key, with the values of {@code id} bound. */
  Executable selectById(Object id) {
    int[] pk = mapping.primaryKeyColumns();
    Object[] values = ((EntityMapping<Object>) mapping).idValues(id);
    List<Column<?>> columns = mapping.table().columns();
    List<Parameter> parameters = new ArrayList<>(pk.length);
    for (int k = 0; k < pk.length; k++) {
      parameters.add(new Parameter(columns.get(pk[k]).name(), values[k], columns.get(pk[k]).type()));
    }
    CompiledStatement c = CompiledStatement.of(selectByIdSql, parameters);
    return v -> c;
  }

  /** {@code "pk1" = ? AND "pk2" = ?}. */
  String pkWhere() {
    return pkWhere;
  }

  /**
   * UPDATE of {@code columns} (which include the version column when versioned) by primary key,
   * guarded by the old version when versioned: parameters are the columns, the pk, the old version.
   */
  Executable update(int[] columns) {
    ColumnSet key = new ColumnSet(columns);
    Executable statement = updates.get(key);
    if (statement == null) {
      StringBuilder sb = new StringBuilder("UPDATE ").append(table).append(" SET ");
      for (int k = 0; k < columns.length; k++) {
        sb.append(k == 0 ? "" : ", ").append(quotedColumns[columns[k]]).append(" = ?");
      }
      sb.append(" WHERE ").append(pkWhere);
      int version = root ? mapping.versionColumn() : -1;
      if (version >= 0) {
        sb.append(" AND ").append(quotedColumns[version]).append(" = ?");
      }
      int[] parameters = concat(concat(columns, mapping.primaryKeyColumns()),
          version >= 0 ? new int[] {version} : new int[0]);
      statement = template(sb.toString(), shape(parameters), List.of(), List.of());
      updates.put(new ColumnSet(columns.clone()), statement);
    }
    return statement;
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
