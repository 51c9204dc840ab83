package dev.quarry.spi;

import dev.quarry.sql.Column;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.ReferentialAction;
import dev.quarry.sql.Select;
import dev.quarry.sql.SelectItem;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.sql.UniqueDef;
import dev.quarry.types.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored tables of a joined-inheritance hierarchy, cut from the hierarchy's union metamodel
 * (every class's {@code Q} class lays out the same columns), and the join each class reads as.
 *
 * <p>The root's table holds the root's columns and the discriminator; each subclass's table holds
 * the key (a foreign key to its parent's table, {@code ON DELETE CASCADE}) and its own columns.
 * Built once per hierarchy by the root's generated metamodel.
 */
@Internal
public final class JoinedTables {
  private final Table union;
  private final List<Table> tables;
  private final int[] parents;
  private final int[] columnTables;
  private final Map<String, Select> sources = new ConcurrentHashMap<>();

  private JoinedTables(Table union, List<Table> tables, int[] parents, int[] columnTables) {
    this.union = union;
    this.tables = List.copyOf(tables);
    this.parents = parents;
    this.columnTables = columnTables;
  }

  /**
   * @param union the root's metamodel (the union layout, key and constraints)
   * @param names the stored tables' names, root first, every table after its parent
   * @param parents the index of each table's parent table, -1 for the root's
   * @param columnTables for each column of the union layout, the index of the table storing it
   *     (the key and the discriminator: the root's, 0)
   */
  public static JoinedTables of(Table union, String[] names, int[] parents, int[] columnTables) {
    List<Table> tables = new ArrayList<>();
    for (int t = 0; t < names.length; t++) {
      tables.add(new Stored(union, names[t], t, parents[t] < 0 ? null : tables.get(parents[t]), columnTables));
    }
    return new JoinedTables(union, tables, parents.clone(), columnTables.clone());
  }

  /** The stored tables, parents before children (the order DDL creates them in). */
  public List<Table> tables() {
    return tables;
  }

  /** The index of the stored table holding union column {@code column}. */
  public int tableOf(int column) {
    return columnTables[column];
  }

  /** The indexes of the union columns table {@code table} stores, in column order (the key first for a subclass's). */
  public int[] columnsOf(int table) {
    List<Integer> out = new ArrayList<>();
    for (Column<?> c : union.columns()) {
      if (columnTables[c.index()] == table || table > 0 && c.spec().isPrimaryKey()) {
        out.add(c.index());
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The query a class whose tables are {@code path} (root first) reads as: every union column,
   * from the root's table INNER JOIN the path's tables and LEFT OUTER JOIN its subclasses' tables
   * on the key; the columns of other branches are typed NULLs (their tables are not joined).
   */
  public Select source(int... path) {
    return sources.computeIfAbsent(Arrays.toString(path), k -> build(path));
  }

  private Select build(int[] path) {
    // the class's own tables and its subclasses' are joined; other branches' columns are typed NULLs
    boolean[] joined = new boolean[tables.size()];
    int last = path[path.length - 1];
    for (int t = 0; t < tables.size(); t++) {
      for (int a = t; a >= 0 && !joined[t]; a = parents[a]) {
        joined[t] = a == last;
      }
    }
    for (int t : path) {
      joined[t] = true;
    }
    List<SelectItem> items = new ArrayList<>();
    for (Column<?> c : union.columns()) {
      int t = columnTables[c.index()];
      items.add(joined[t] ? tables.get(t).column(c.name()) : Sql.nullOf(c.type()).as(c.name()));
    }
    Select s = Sql.select(items.toArray(new SelectItem[0])).from(tables.get(0));
    for (int t = 1; t < tables.size(); t++) {
      if (!joined[t]) {
        continue;
      }
      Table child = tables.get(t);
      Table parent = tables.get(parents[t]);
      List<Predicate> on = new ArrayList<>();
      for (Column<?> k : union.primaryKey()) {
        on.add(eq(child.column(k.name()), parent.column(k.name())));
      }
      Predicate p = on.size() == 1 ? on.get(0) : Sql.and(on);
      final int table = t;
      s = Arrays.stream(path).anyMatch(i -> i == table) ? s.join(child, p) : s.leftJoin(child, p);
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private static Predicate eq(Column<?> a, Column<?> b) {
    return ((Column<Object>) a).eq((Column<Object>) b);
  }

  /** One stored table: its columns and the union's constraints that fall on them. */
  private static final class Stored extends Table {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Stored(Table union, String name, int index, Table parent, int[] columnTables) {
      super(union.schema(), name, null);
      List<String> key = new ArrayList<>();
      for (Column<?> k : union.primaryKey()) {
        key.add(k.name());
      }
      if (parent != null) {
        for (Column<?> k : union.primaryKey()) {
          column(ColumnSpec.of(k.name(), (SqlType) k.type()).primaryKey());
        }
        foreignKey("fk_" + name + "_" + parent.name(), key, parent.schema(), parent.name(), key,
            ReferentialAction.CASCADE, ReferentialAction.DEFAULT);
      }
      List<String> mine = new ArrayList<>();
      for (Column<?> c : union.columns()) {
        if (columnTables[c.index()] == index && !(parent != null && c.spec().isPrimaryKey())) {
          column(c.spec());
          mine.add(c.name());
        }
      }
      if (parent != null) {
        mine.addAll(key);
      }
      for (ForeignKey fk : union.foreignKeys()) {
        if (owns(mine, key, fk.columns(), parent == null)) {
          foreignKey(fk.name(), fk.columns(), fk.targetSchema(), fk.targetTable(), fk.targetColumns(), fk.onDelete(),
              fk.onUpdate());
        }
      }
      for (IndexDef ix : union.indexes()) {
        if (owns(mine, key, ix.columns(), parent == null)) {
          index(ix.name(), ix.unique(), ix.columns().toArray(new String[0]));
        }
      }
      for (UniqueDef u : union.uniqueConstraints()) {
        if (owns(mine, key, u.columns(), parent == null)) {
          unique(u.name(), u.columns().toArray(new String[0]));
        }
      }
      if (parent == null) {
        union.checks().forEach(c -> check(c.name(), c.sql()));
        union.sequences().forEach(q -> sequence(q.name(), q.allocationSize()));
      }
    }

    /** Whether a constraint over {@code columns} belongs here: all its columns are here, and a key-only one is the root's. */
    private static boolean owns(List<String> mine, List<String> key, List<String> columns, boolean root) {
      return mine.containsAll(columns) && (root || !key.containsAll(columns));
    }
  }
}
