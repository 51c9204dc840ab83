package dev.quarry.sql;

/** A column of a type without order (binary data, converted types that are not comparable). */
public final class ObjectColumn<T> extends Column<T> {
  ObjectColumn(Table table, ColumnSpec<T> spec, int index) {
    super(table, spec, index);
  }
}
