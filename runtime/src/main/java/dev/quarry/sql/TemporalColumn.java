package dev.quarry.sql;

/** A date, time, timestamp or instant column. */
public final class TemporalColumn<T extends Comparable<? super T>> extends ComparableColumn<T> {
  TemporalColumn(Table table, ColumnSpec<T> spec, int index) {
    super(table, spec, index);
  }
}
