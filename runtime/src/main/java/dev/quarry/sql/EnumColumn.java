package dev.quarry.sql;

/** An enum column, stored by name or ordinal as its type says. */
public final class EnumColumn<E extends Enum<E>> extends ComparableColumn<E> {
  EnumColumn(Table table, ColumnSpec<E> spec, int index) {
    super(table, spec, index);
  }
}
