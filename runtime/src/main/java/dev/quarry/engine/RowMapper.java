package dev.quarry.engine;

/** Builds an object (record, DTO, entity) from a row; a lambda or generated code, never reflection. */
@FunctionalInterface
public interface RowMapper<T> {
  T map(Row row);
}
