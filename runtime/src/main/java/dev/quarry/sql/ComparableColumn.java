package dev.quarry.sql;

/** A column of an ordered type (UUID, enums, comparable converted types). */
public class ComparableColumn<T extends Comparable<? super T>> extends Column<T> implements ComparableExpression<T> {
  ComparableColumn(Table table, ColumnSpec<T> spec, int index) {
    super(table, spec, index);
  }
}
