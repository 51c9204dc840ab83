package dev.quarry.schema;

import dev.quarry.sql.CheckDef;
import dev.quarry.sql.Column;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.Table;
import dev.quarry.sql.UniqueDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A table as the database sees it: columns in order, primary key, foreign keys, unique and check
 * constraints, indexes. A value compared field by field; constraints and indexes are kept in a
 * canonical order (by name, then columns) so that declaration order does not make two equal
 * schemas differ — the property a migration diff relies on.
 *
 * @param schema schema name, or null for the connection's default
 * @param name table name (unquoted)
 * @param columns columns in declaration order
 * @param primaryKey primary key column names in key order; empty when the table has none
 */
public record TableModel(String schema, String name, List<ColumnModel> columns, List<String> primaryKey,
    List<ForeignKey> foreignKeys, List<UniqueDef> uniques, List<CheckDef> checks, List<IndexDef> indexes) {
  private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

  public TableModel {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = sorted(foreignKeys, Comparator.comparing(ForeignKey::name, NULLS_LAST)
        .thenComparing(fk -> fk.columns().toString()));
    uniques = sorted(uniques, Comparator.comparing(UniqueDef::name, NULLS_LAST)
        .thenComparing(u -> u.columns().toString()));
    checks = sorted(checks, Comparator.comparing(CheckDef::name, NULLS_LAST).thenComparing(CheckDef::sql));
    indexes = sorted(indexes, Comparator.comparing(IndexDef::name, NULLS_LAST)
        .thenComparing(i -> i.columns().toString()));
    requireColumns(name, columns, primaryKey, "primary key");
    for (ForeignKey fk : foreignKeys) {
      requireColumns(name, columns, fk.columns(), "foreign key " + fk.name());
    }
    for (UniqueDef u : uniques) {
      requireColumns(name, columns, u.columns(), "unique constraint " + u.name());
    }
    for (IndexDef i : indexes) {
      requireColumns(name, columns, i.columns(), "index " + i.name());
    }
  }

  /** The model of a table definition (an alias is modelled as the table it aliases). */
  public static TableModel of(Table table) {
    List<ColumnModel> columns = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      columns.add(ColumnModel.of(c));
    }
    List<String> pk = table.primaryKey().stream().map(Column::name).toList();
    return new TableModel(table.schema(), table.name(), columns, pk, table.foreignKeys(),
        table.uniqueConstraints(), table.checks(), table.indexes());
  }

  /**
   * A {@link Table} of this definition, usable in Core statements ({@code Sql.select(t.column("name")).from(t)})
   * and in {@link Metadata}; its columns are found by name. The table carries no sequences: a
   * {@link SchemaModel}'s sequences belong to no table ({@link SchemaModel#toTables()}).
   */
  public Table toTable() {
    Table.Builder b = Table.builder(schema, name);
    for (ColumnModel c : columns) {
      b.column(c.spec(primaryKey.contains(c.name())));
    }
    for (ForeignKey fk : foreignKeys) {
      b.foreignKey(fk.name(), fk.columns(), fk.targetSchema(), fk.targetTable(), fk.targetColumns(), fk.onDelete(),
          fk.onUpdate());
    }
    for (UniqueDef u : uniques) {
      b.unique(u.name(), u.columns().toArray(String[]::new));
    }
    for (CheckDef c : checks) {
      b.check(c.name(), c.sql());
    }
    for (IndexDef i : indexes) {
      b.index(i.name(), i.unique(), i.columns().toArray(String[]::new));
    }
    return b.build();
  }

  /** Schema-qualified name for messages, e.g. {@code shop.users}. */
  public String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }

  /** The column of that name, or null. */
  public ColumnModel column(String columnName) {
    for (ColumnModel c : columns) {
      if (c.name().equals(columnName)) {
        return c;
      }
    }
    return null;
  }

  private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
    List<T> copy = new ArrayList<>(items);
    copy.sort(order);
    return List.copyOf(copy);
  }

  private static void requireColumns(String table, List<ColumnModel> columns, List<String> names, String what) {
    for (String column : names) {
      if (columns.stream().noneMatch(c -> c.name().equals(column))) {
        throw notFound(table, columns, column, what);
      }
    }
  }

  private static IllegalArgumentException notFound(String table, List<ColumnModel> columns, String column,
      String what) {
    return new IllegalArgumentException("table " + table + ": " + what + " names column '" + column
        + "', which the table does not have; its columns are "
        + columns.stream().map(ColumnModel::name).toList());
  }
}
