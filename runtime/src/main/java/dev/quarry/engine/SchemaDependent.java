package dev.quarry.engine;

/**
 * Per-engine state an upper layer keeps through {@link Engine#extension} that is only true for
 * the schema it was built against (such as blocks of ids reserved from a sequence): told by
 * {@link Engine#schemaChanged()} to forget it.
 */
public interface SchemaDependent {
  /** DDL changed the schema; drop whatever was derived from the old one. */
  void schemaChanged();
}
