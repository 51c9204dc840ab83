package dev.quarry.sql;

/** A numeric expression: arithmetic and aggregates. */
public interface NumberExpression<N extends Number & Comparable<? super N>> extends ComparableExpression<N> {}
