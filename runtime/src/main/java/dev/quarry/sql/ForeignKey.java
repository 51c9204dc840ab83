package dev.quarry.sql;

import java.util.List;

/**
 * A foreign key from columns of one table to columns of another, named by table name so that
 * tables may reference each other (or themselves) regardless of declaration order.
 *
 * @param name constraint name
 * @param columns referencing columns of the owning table, by name
 * @param targetSchema schema of the referenced table, or null
 * @param targetTable referenced table name
 * @param targetColumns referenced columns, in the order of {@code columns}
 */
public record ForeignKey(String name, List<String> columns, String targetSchema, String targetTable,
    List<String> targetColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
  public ForeignKey {
    columns = List.copyOf(columns);
    targetColumns = List.copyOf(targetColumns);
    if (columns.isEmpty() || columns.size() != targetColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " needs as many target columns as columns: "
          + columns + " -> " + targetTable + targetColumns);
    }
  }
}
