package dev.quarry.schema;

import dev.quarry.sql.Column;
import dev.quarry.sql.ColumnSpec;
import dev.quarry.types.SqlType;
import java.util.Objects;

/**
 * A column as the database sees it: name, type, nullability, identity, single-column unique,
 * server default. A value: two models of the same definition are equal.
 *
 * @param name column name (unquoted)
 * @param type the column type; its dialect type name goes into DDL
 * @param nullable whether NULL is allowed
 * @param autoIncrement whether the database assigns values on insert (identity / auto-increment)
 * @param unique whether a single-column UNIQUE constraint is declared on the column
 * @param serverDefault DEFAULT clause SQL written by the developer (or, read from a database, as
 *     the database keeps it without its decorations), or null
 */
public record ColumnModel(String name, SqlType<?> type, boolean nullable, boolean autoIncrement, boolean unique,
    String serverDefault) {
  public ColumnModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** The column definition of this model; {@code primaryKey} when the column is in its table's primary key. */
  ColumnSpec<?> spec(boolean primaryKey) {
    return spec(type, primaryKey);
  }

  private <T> ColumnSpec<T> spec(SqlType<T> t, boolean primaryKey) {
    ColumnSpec<T> s = ColumnSpec.of(name, t).nullable(nullable && !primaryKey);
    if (primaryKey) {
      s = s.primaryKey();
    }
    if (autoIncrement) {
      s = s.autoIncrement();
    }
    if (unique) {
      s = s.unique();
    }
    if (serverDefault != null) {
      s = s.serverDefault(serverDefault);
    }
    return s;
  }

  /** The model of a table column. */
  public static ColumnModel of(Column<?> column) {
    ColumnSpec<?> spec = column.spec();
    return new ColumnModel(spec.name(), spec.type(), spec.isNullable() && !spec.isPrimaryKey(),
        spec.isAutoIncrement(), spec.isUnique() && !spec.isPrimaryKey(), spec.serverDefault());
  }
}
