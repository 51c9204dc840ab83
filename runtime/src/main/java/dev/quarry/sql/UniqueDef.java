package dev.quarry.sql;

import java.util.List;

/** A unique constraint over columns (by name). */
public record UniqueDef(String name, List<String> columns) {
  public UniqueDef {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("unique constraint " + name + " needs at least one column");
    }
  }
}
