package dev.quarry.sql;

/** A numeric column: integers, floating point, BigDecimal, BigInteger. */
public final class NumberColumn<N extends Number & Comparable<? super N>> extends ComparableColumn<N>
    implements NumberExpression<N> {
  NumberColumn(Table table, ColumnSpec<N> spec, int index) {
    super(table, spec, index);
  }
}
