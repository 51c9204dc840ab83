package dev.quarry.sql;

/** A boolean column; usable directly as a predicate ({@code where(user.active)}). */
public final class BooleanColumn extends Column<Boolean> implements Predicate {
  BooleanColumn(Table table, ColumnSpec<Boolean> spec, int index) {
    super(table, spec, index);
  }
}
