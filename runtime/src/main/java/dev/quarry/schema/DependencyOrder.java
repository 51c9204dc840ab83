package dev.quarry.schema;

import dev.quarry.sql.ForeignKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Orders tables so that every table comes after the tables its foreign keys reference. Foreign
 * keys inside a cycle (a → b → a) cannot all be created inline; they are reported as deferred so
 * that DDL adds them with ALTER TABLE once every table exists. Self-references are no cycle: a
 * table may reference itself in its own CREATE TABLE. Ties keep the order the tables were given
 * in, so the output is deterministic.
 */
final class DependencyOrder {
  /** A foreign key of a table, by identity of the pair. */
  record TableForeignKey(TableModel table, ForeignKey foreignKey) {}

  private final List<TableModel> ordered;
  private final Set<TableForeignKey> deferred;

  private DependencyOrder(List<TableModel> ordered, Set<TableForeignKey> deferred) {
    this.ordered = ordered;
    this.deferred = deferred;
  }

  /** Parents first. */
  List<TableModel> createOrder() {
    return ordered;
  }

  /** Children first. */
  List<TableModel> dropOrder() {
    List<TableModel> reversed = new ArrayList<>(ordered);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  /** Foreign keys that take part in a cycle between different tables. */
  Set<TableForeignKey> cyclic() {
    return deferred;
  }

  boolean isCyclic(TableModel table, ForeignKey fk) {
    return deferred.contains(new TableForeignKey(table, fk));
  }

  static DependencyOrder of(List<TableModel> tables) {
    int n = tables.size();
    // edges[i] = indexes of tables that table i references (its parents), self-references excluded
    List<List<Integer>> parents = new ArrayList<>();
    List<List<ForeignKey>> edgeKeys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> p = new ArrayList<>();
      List<ForeignKey> k = new ArrayList<>();
      for (ForeignKey fk : tables.get(i).foreignKeys()) {
        int target = resolve(tables, tables.get(i), fk);
        if (target >= 0 && target != i) {
          p.add(target);
          k.add(fk);
        }
      }
      parents.add(p);
      edgeKeys.add(k);
    }
    int[] component = new Tarjan(parents).components();
    int[] componentSize = new int[n];
    for (int c : component) {
      componentSize[c]++;
    }
    Set<TableForeignKey> deferred = new HashSet<>();
    List<List<Integer>> acyclicParents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> kept = new ArrayList<>();
      for (int e = 0; e < parents.get(i).size(); e++) {
        int target = parents.get(i).get(e);
        if (component[target] == component[i] && componentSize[component[i]] > 1) {
          deferred.add(new TableForeignKey(tables.get(i), edgeKeys.get(i).get(e)));
        } else {
          kept.add(target);
        }
      }
      acyclicParents.add(kept);
    }
    return new DependencyOrder(topological(tables, acyclicParents), Set.copyOf(deferred));
  }

  /**
   * Index of the referenced table among {@code tables}, or -1 when it is not one of them. A key
   * without a target schema references a table in its own table's schema.
   */
  static int resolve(List<TableModel> tables, TableModel from, ForeignKey fk) {
    String schema = fk.targetSchema() != null ? fk.targetSchema() : from.schema();
    for (int i = 0; i < tables.size(); i++) {
      TableModel t = tables.get(i);
      if (t.name().equals(fk.targetTable()) && Objects.equals(t.schema(), schema)) {
        return i;
      }
    }
    return -1;
  }

  private static List<TableModel> topological(List<TableModel> tables, List<List<Integer>> parents) {
    int n = tables.size();
    boolean[] placed = new boolean[n];
    List<TableModel> out = new ArrayList<>(n);
    // n is small (tables of one application): repeated scans keep the given order on ties.
    while (out.size() < n) {
      boolean progress = false;
      for (int i = 0; i < n; i++) {
        if (!placed[i] && parents.get(i).stream().allMatch(p -> placed[p])) {
          placed[i] = true;
          out.add(tables.get(i));
          progress = true;
          break;
        }
      }
      if (!progress) {
        throw new IllegalStateException("foreign-key cycle left after removing cyclic keys; this is a bug");
      }
    }
    return List.copyOf(out);
  }

  /** Tarjan's strongly connected components, iterative so deep chains cannot overflow the stack. */
  private static final class Tarjan {
    private final List<List<Integer>> edges;
    private final int[] index;
    private final int[] low;
    private final boolean[] onStack;
    private final int[] component;
    private final Deque<Integer> stack = new ArrayDeque<>();
    private int counter;
    private int components;

    Tarjan(List<List<Integer>> edges) {
      int n = edges.size();
      this.edges = edges;
      this.index = new int[n];
      this.low = new int[n];
      this.onStack = new boolean[n];
      this.component = new int[n];
      java.util.Arrays.fill(index, -1);
    }

    int[] components() {
      for (int v = 0; v < edges.size(); v++) {
        if (index[v] < 0) {
          visit(v);
        }
      }
      return component;
    }

    private void visit(int root) {
      Deque<int[]> work = new ArrayDeque<>(); // {vertex, next edge position}
      work.push(new int[] {root, 0});
      enter(root);
      while (!work.isEmpty()) {
        int[] frame = work.peek();
        int v = frame[0];
        if (frame[1] < edges.get(v).size()) {
          int w = edges.get(v).get(frame[1]++);
          if (index[w] < 0) {
            enter(w);
            work.push(new int[] {w, 0});
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          int parent = work.peek()[0];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == index[v]) {
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            component[w] = components;
          } while (w != v);
          components++;
        }
      }
    }

    private void enter(int v) {
      index[v] = counter;
      low[v] = counter++;
      stack.push(v);
      onStack[v] = true;
    }
  }
}
