package dev.quarry.sql;

/** A character expression: {@code like}, {@code contains}, {@code lower}, concatenation. */
public interface StringExpression extends ComparableExpression<String> {}
