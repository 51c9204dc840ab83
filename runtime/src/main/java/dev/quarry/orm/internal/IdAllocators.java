package dev.quarry.orm.internal;

import dev.quarry.engine.Engine;
import dev.quarry.engine.SchemaDependent;
import dev.quarry.spi.IdGeneration;
import dev.quarry.sql.Column;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.Table;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The id allocators of one database, owned by its {@link Engine}: one {@link SequenceAllocator}
 * per sequence, shared by every session factory and DAO on that engine, so blocks reserved from
 * the database are neither wasted nor handed out twice. DDL run through {@code Metadata} (or
 * {@link Engine#schemaChanged()}) forgets the reserved blocks: a sequence created again starts
 * over, and so must the allocator.
 */
final class IdAllocators implements SchemaDependent {
  private volatile Map<String, SequenceAllocator> allocators = new ConcurrentHashMap<>();

  /** The allocators of {@code engine}'s database. */
  static IdAllocators of(Engine engine) {
    return engine.extension(IdAllocators.class, IdAllocators::new);
  }

  /** The allocator of the sequence the table's key is drawn from. */
  SequenceAllocator allocator(Table table, IdGeneration generation, Column<?> key) {
    String name = (table.schema() == null ? "" : table.schema() + ".") + generation.sequence();
    return allocators.computeIfAbsent(name, n -> new SequenceAllocator(
        new SequenceDef(table.schema(), generation.sequence(), generation.allocationSize()), table, key));
  }

  @Override
  public void schemaChanged() {
    allocators = new ConcurrentHashMap<>();
  }
}
