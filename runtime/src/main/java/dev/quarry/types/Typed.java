package dev.quarry.types;

/** Anything that produces values of a known {@link SqlType}: columns, expressions, result keys. */
public interface Typed<T> {
  /** The type of values. */
  SqlType<T> type();
}
