package dev.quarry.sql;

/** A boolean SQL condition, combinable with {@code and}, {@code or} and {@code not}. */
public interface Predicate extends Expression<Boolean> {}
