package dev.quarry.sql;

/** {@code ROW_NUMBER()}, {@code RANK()}, {@code DENSE_RANK()}: meaningful only with a window. */
public interface RankingFunction {
  /** The function over a window, e.g. {@code rowNumber().over(window().orderBy(u.age.desc()))}. */
  NumberExpression<Long> over(Window window);
}
