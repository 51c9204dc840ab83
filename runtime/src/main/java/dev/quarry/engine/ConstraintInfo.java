package dev.quarry.engine;

import java.util.List;

/** Constraint, table and columns parsed from a driver's integrity-violation message; parts may be null. */
record ConstraintInfo(String constraint, String table, List<String> columns) {
  static final ConstraintInfo UNKNOWN = new ConstraintInfo(null, null, List.of());

  ConstraintInfo {
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  String describe() {
    StringBuilder sb = new StringBuilder();
    if (constraint != null) {
      sb.append(" \"").append(constraint).append('"');
    }
    if (table != null) {
      sb.append(" on table ").append(table);
      if (!columns.isEmpty()) {
        sb.append(" ").append(columns);
      }
    } else if (!columns.isEmpty()) {
      sb.append(" on ").append(columns);
    }
    return sb.toString();
  }
}
