package dev.quarry.sql;

/** A database sequence used for keys, incremented by {@code allocationSize} for pooled allocation. */
public record SequenceDef(String schema, String name, int allocationSize) {
  public SequenceDef {
    if (allocationSize < 1) {
      throw new IllegalArgumentException("sequence " + name + ": allocation size must be at least 1");
    }
  }
}
