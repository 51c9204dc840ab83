package dev.quarry.orm;

import dev.quarry.spi.EntityMapping;

/**
 * What a session knows about one object it tracks: its state, id, the column values last
 * loaded or flushed (the snapshot dirty checking diffs against), and what to undo on rollback.
 */
final class EntityEntry {
  final Object entity;
  final EntityMapping<Object> mapping;
  /** Whether the object is a generated subclass whose accessors call the session. */
  final boolean managed;
  /** Order of {@code add} calls, so INSERTs follow it within a table. */
  final long sequence;

  EntityState state;
  EntityKey key;
  /** Column values as last loaded or flushed; null while pending. */
  Object[] snapshot;
  /**
   * Column values when the current transaction first changed the row (flushed UPDATE or
   * DELETE), restored on rollback; null when the transaction has not written it.
   */
  Object[] transactionSnapshot;
  /** Loaded state is stale: the next access (managed) or hand-out (plain) reloads it. */
  boolean expired;
  /** {@code delete()} was called; the next flush DELETEs it. */
  boolean markedDeleted;
  /** Its INSERT was flushed in the current transaction: rollback makes it transient again. */
  boolean insertedInTransaction;
  /** Its id was generated during the current transaction (undone when the INSERT is undone). */
  boolean idGenerated;

  EntityEntry(Object entity, EntityMapping<Object> mapping, long sequence) {
    this.entity = entity;
    this.mapping = mapping;
    this.managed = entity instanceof dev.quarry.spi.ManagedEntity;
    this.sequence = sequence;
  }

  Object id() {
    return key != null ? key.id() : mapping.id(entity);
  }

  String describe() {
    return mapping.entityName() + (key != null ? " with id " + key.id() : " (pending)");
  }

  @Override
  public String toString() {
    return describe() + " [" + state + (expired ? ", expired" : "") + (markedDeleted ? ", marked deleted" : "") + "]";
  }
}
