package dev.quarry.sql;

/** A character column. */
public final class StringColumn extends ComparableColumn<String> implements StringExpression {
  StringColumn(Table table, ColumnSpec<String> spec, int index) {
    super(table, spec, index);
  }
}
