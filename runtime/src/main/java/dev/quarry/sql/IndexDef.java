package dev.quarry.sql;

import java.util.List;

/** An index of a table over columns (by name), possibly unique. */
public record IndexDef(String name, List<String> columns, boolean unique) {
  public IndexDef {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " needs at least one column");
    }
  }
}
