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

  /**
   * Per relationship: {@link #UNLOADED}, {@link #LOADED}, or a loader option chosen by the query
   * that loaded the object (a FetchType ordinal + {@link #OVERRIDE}) used on first access.
   * Null until a relationship is loaded or overridden (most objects never need it).
   */
  byte[] relations;
  /** Per relationship: the collection's elements as last loaded or flushed (removals are found against it). */
  Object[][] collections;
  /** Position in its {@link IdentityMap}'s list of entries; -1 when not tracked. */
  int slot = -1;

  static final byte UNLOADED = 0;
  static final byte LOADED = 1;
  static final byte OVERRIDE = 2;

  boolean relationLoaded(int r) {
    return relations != null && relations[r] == LOADED;
  }

  /** The strategy an option chose for relationship {@code r}, or null for its default. */
  dev.quarry.annotation.FetchType relationOverride(int r) {
    return relations == null || relations[r] < OVERRIDE ? null
        : dev.quarry.annotation.FetchType.values()[relations[r] - OVERRIDE];
  }

  void relationState(int r, byte state) {
    if (relations == null) {
      relations = new byte[mapping.relationCount()];
    }
    relations[r] = state;
  }

  /** Marks relationship {@code r} loaded; for collections remembers the elements for flush. */
  void markLoaded(int r, Object value) {
    relationState(r, LOADED);
    if (value instanceof java.util.Collection<?> c) {
      if (collections == null) {
        collections = new Object[mapping.relationCount()][];
      }
      collections[r] = c.toArray();
    }
  }

  /** Forgets loaded to-one references (their keys are columns, reloaded as unloaded references). */
  void unloadReferences() {
    if (relations != null) {
      for (int r = 0; r < relations.length; r++) {
        if (relations[r] == LOADED && !mapping.relation(r).toMany()) {
          relations[r] = UNLOADED;
        }
      }
    }
  }

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
