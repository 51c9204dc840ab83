package dev.quarry.orm;

import dev.quarry.spi.IdGeneration;
import dev.quarry.sql.Column;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.Table;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link SequenceAllocator} per database and sequence, shared by every DAO (and later the
 * session) of that database, so blocks reserved from the database are neither wasted nor handed
 * out twice. Databases are keyed by their engine object and forgotten with it.
 */
public final class Sequences {
  private static final Map<Object, Map<String, SequenceAllocator>> BY_DATABASE = new WeakHashMap<>();

  private Sequences() {}

  /** The allocator of the sequence the table's key is drawn from, in the database of {@code engine}. */
  public static SequenceAllocator allocator(Object engine, Table table, IdGeneration generation, Column<?> key) {
    Map<String, SequenceAllocator> allocators;
    synchronized (BY_DATABASE) {
      allocators = BY_DATABASE.computeIfAbsent(engine, e -> new ConcurrentHashMap<>());
    }
    String name = (table.schema() == null ? "" : table.schema() + ".") + generation.sequence();
    return allocators.computeIfAbsent(name, n -> new SequenceAllocator(
        new SequenceDef(table.schema(), generation.sequence(), generation.allocationSize()), table, key));
  }

  /**
   * Forgets the blocks reserved in the database of {@code engine}, after its sequences (or
   * sequence-keyed tables) were dropped and created again — by tests or a schema migration.
   */
  public static void reset(Object engine) {
    synchronized (BY_DATABASE) {
      BY_DATABASE.remove(engine);
    }
  }
}
