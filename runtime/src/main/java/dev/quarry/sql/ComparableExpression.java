package dev.quarry.sql;

/** An expression whose values have an order: {@code <}, {@code between}, {@code min}, {@code max}. */
public interface ComparableExpression<T extends Comparable<? super T>> extends Expression<T> {}
