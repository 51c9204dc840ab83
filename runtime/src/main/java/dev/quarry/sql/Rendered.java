package dev.quarry.sql;

import dev.quarry.engine.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Cached rendering of one shape for one dialect: the SQL text and, for each {@code ?} in it,
 * the index of the canonical value it binds.
 */
final class Rendered {
  final String sql;
  private final int[] slots;
  private final boolean inOrder;

  Rendered(String sql, int[] slots) {
    this.sql = sql;
    this.slots = slots;
    boolean ordered = true;
    for (int i = 0; i < slots.length; i++) {
      ordered &= slots[i] == i;
    }
    this.inOrder = ordered;
  }

  /** The statement's parameters in placeholder order. */
  List<Parameter> arrange(List<Parameter> canonical) {
    if (inOrder && canonical.size() == slots.length) {
      return canonical;
    }
    List<Parameter> out = new ArrayList<>(slots.length);
    for (int slot : slots) {
      out.add(canonical.get(slot));
    }
    return out;
  }
}
