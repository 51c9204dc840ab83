package dev.quarry.sql;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Parameter;
import dev.quarry.engine.ResultColumn;
import java.util.List;

/**
 * Cached rendering of one shape for one dialect: the SQL text and, for each {@code ?} in it,
 * the index of the canonical value it binds; and the result columns of a statement of this
 * shape, reused by later statements that select the very same expression objects.
 */
final class Rendered {
  final String sql;
  private final int[] slots;
  private final boolean inOrder;
  /**
   * Result columns of the first statement compiled with this shape that had any (immutable).
   * Set once; a plain race to set it is harmless, as every candidate is correct for its keys.
   */
  private volatile List<ResultColumn> columns;

  Rendered(String sql, int[] slots) {
    this.sql = sql;
    this.slots = slots;
    boolean ordered = true;
    for (int i = 0; i < slots.length; i++) {
      ordered &= slots[i] == i;
    }
    this.inOrder = ordered;
  }

  /**
   * Whether each of the {@code count} collected values is bound by some placeholder. A value that
   * is not was collected from a second occurrence of a node object, which binds through the
   * first: then the slots are specific to this statement and must not be cached.
   */
  boolean bindsEveryValue(int count) {
    boolean[] bound = new boolean[count];
    for (int slot : slots) {
      bound[slot] = true;
    }
    for (boolean b : bound) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  /**
   * The compiled statement: this text, {@code collected}'s values in placeholder order, and the
   * result columns for {@code selection}. When the placeholders bind the values in collected
   * order (the common case), the collector's array is taken over as it is, without a copy.
   */
  CompiledStatement compiled(Collector collected, List<? extends Expression<?>> selection,
      List<String> generatedKeys) {
    List<ResultColumn> columns = resultColumns(selection);
    int count = collected.paramCount();
    if (inOrder && count == slots.length) {
      return CompiledStatement.withOwnedParameters(sql, collected.paramArray(), count, columns, generatedKeys);
    }
    Parameter[] out = new Parameter[slots.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = collected.param(slots[i]);
    }
    return CompiledStatement.withOwnedParameters(sql, out, out.length, columns, generatedKeys);
  }

  /**
   * The result columns for {@code selection}: the cached list when it was built from the same
   * expression objects in the same order — a column's key, label and type depend only on its
   * expression object and position — else a new list keyed by this statement's own objects (so
   * {@code row.get(expr)} finds them), never another statement's.
   */
  List<ResultColumn> resultColumns(List<? extends Expression<?>> selection) {
    int n = selection.size();
    if (n == 0) {
      return List.of();
    }
    List<ResultColumn> cached = columns;
    if (cached != null && sameKeys(cached, selection)) {
      return cached;
    }
    List<ResultColumn> built = Statements.resultColumns(selection);
    if (cached == null) {
      columns = built;
    }
    return built;
  }

  private static boolean sameKeys(List<ResultColumn> cached, List<? extends Expression<?>> selection) {
    int n = selection.size();
    if (cached.size() != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (cached.get(i).key() != selection.get(i)) {
        return false;
      }
    }
    return true;
  }
}
