package dev.quarry.orm.internal;

import dev.quarry.orm.DetachedInstanceException;
import dev.quarry.orm.EntityState;
import dev.quarry.orm.ObjectDeletedException;
import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.EntityMapping;

/**
 * What a session knows about one object it tracks: its state, id, the column values last
 * loaded or flushed (the snapshot dirty checking diffs against), and what to undo on rollback.
 *
 * <p>The entry is also the interceptor of its object when that is a generated subclass: a read of
 * an expired object reloads its row, a write to an expired object reloads the rest of the row
 * first and keeps the written value, and relationship properties (indexes after the columns) are
 * where lazy loaders hook in. Once the object leaves its session the entry stays its interceptor,
 * {@link #detached}: it refuses what would need a database (expired state, unloaded relationships)
 * and remembers the key and snapshot so {@code add} can re-attach the object. One object per row
 * instead of an entry plus an attached and later a detached interceptor: loading a graph of 1,100
 * objects allocated all three for each.
 */
final class EntityEntry implements EntityInterceptor {
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
   * Which relationships are loaded, one bit each for the first 64 ({@link #moreLoaded} beyond):
   * bits rather than an array per object, since linking a graph marks a relationship of every
   * object it reads.
   */
  private long loaded;
  private long[] moreLoaded;
  /**
   * Per relationship: a loader option chosen by the query that loaded the object (a FetchType
   * ordinal + 1), used on first access; null until an option is (most objects never need it).
   */
  private byte[] options;
  /** Per relationship: the collection's elements as last loaded or flushed (removals are found against it). */
  Object[][] collections;
  /** In its identity map's list of entries autoflush visits ({@link IdentityMap#watch}). */
  boolean watched;
  /** A setter wrote to the object since its last flush (generated subclasses report it). */
  boolean written;
  /** Position in its {@link IdentityMap}'s list of entries; -1 when not tracked. */
  int slot = -1;
  /** The session whose accessors this entry serves, once {@link SessionState#attach attached}; null once detached. */
  SessionState session;
  /** The object left its session: the entry now answers its accessors as a detached object's. */
  boolean detached;
  /** Property indexes from here on are relationships. */
  private final int columns;

  static final byte UNLOADED = 0;
  static final byte LOADED = 1;
  static final byte OVERRIDE = 2;

  boolean relationLoaded(int r) {
    if (r < Long.SIZE) {
      return (loaded & (1L << r)) != 0;
    }
    return moreLoaded != null && (moreLoaded[r / Long.SIZE - 1] & (1L << r)) != 0;
  }

  /** Whether any relationship was ever loaded or given an option (nothing to forget otherwise). */
  boolean hasRelationState() {
    return loaded != 0 || moreLoaded != null || options != null;
  }

  /** The strategy an option chose for relationship {@code r}, or null for its default. */
  dev.quarry.annotation.FetchType relationOverride(int r) {
    return options == null || options[r] == 0 || relationLoaded(r) ? null
        : dev.quarry.annotation.FetchType.values()[options[r] - 1];
  }

  /** Sets relationship {@code r} to {@link #UNLOADED}, {@link #LOADED}, or an option ({@link #OVERRIDE} + FetchType ordinal). */
  void relationState(int r, byte state) {
    setLoaded(r, state == LOADED);
    if (state >= OVERRIDE) {
      if (options == null) {
        options = new byte[mapping.relationCount()];
      }
      options[r] = (byte) (state - OVERRIDE + 1);
    } else if (options != null) {
      options[r] = 0;
    }
  }

  private void setLoaded(int r, boolean on) {
    if (r < Long.SIZE) {
      loaded = on ? loaded | (1L << r) : loaded & ~(1L << r);
      return;
    }
    if (moreLoaded == null) {
      if (!on) {
        return;
      }
      moreLoaded = new long[(mapping.relationCount() - 1) / Long.SIZE];
    }
    int w = r / Long.SIZE - 1;
    moreLoaded[w] = on ? moreLoaded[w] | (1L << r) : moreLoaded[w] & ~(1L << r);
  }

  /** Marks relationship {@code r} loaded; for collections remembers the elements for flush. */
  void markLoaded(int r, Object value) {
    relationState(r, LOADED);
    if (value instanceof java.util.Collection<?> c && !detached) { // an untracked query's objects are never flushed
      if (collections == null) {
        collections = new Object[mapping.relationCount()][];
      }
      collections[r] = c.toArray();
      if (session != null) {
        session.identityMap().watch(this); // its add/remove is not intercepted: every flush looks
      }
    }
  }

  /** Forgets loaded to-one references (their keys are columns, reloaded as unloaded references). */
  void unloadReferences() {
    if (hasRelationState()) {
      for (int r = 0; r < mapping.relationCount(); r++) {
        if (relationLoaded(r) && !mapping.relation(r).toMany()) {
          setLoaded(r, false);
        }
      }
    }
  }

  EntityEntry(Object entity, EntityMapping<Object> mapping, long sequence) {
    this.entity = entity;
    this.mapping = mapping;
    this.managed = entity instanceof dev.quarry.spi.ManagedEntity;
    this.sequence = sequence;
    this.columns = mapping.table().columns().size();
  }

  /** Whether this entry answers its object's accessors for {@code s} (attached there, not detached). */
  boolean attachedTo(SessionState s) {
    return session == s && !detached;
  }

  /** What the object had when it left its session. */
  DetachedRegistry.Detached detachedInfo() {
    return new DetachedRegistry.Detached(key, snapshot, expired);
  }

  private boolean expiredInSession() {
    return expired && state == EntityState.PERSISTENT && session.transaction().usable();
  }

  @Override
  public void beforeRead(Object entity, int property) {
    if (detached) {
      refuseDetachedRead(property);
      return;
    }
    if (session.interceptionSuppressed()) {
      return;
    }
    if (expiredInSession()) {
      if (!session.factory().implicitLoads()) {
        throw new dev.quarry.orm.OrmException(describe() + " is expired (committed, rolled back or expired by hand) and "
            + "this session never loads implicitly: refresh it explicitly (session.refresh(object)), or keep its "
            + "state with expireOnCommit(false)");
      }
      if (!session.reload(this)) {
        throw new ObjectDeletedException(mapping.entityName(), key.id());
      }
    }
    if (session.interceptionSuppressed()) {
      return;
    }
    int r = property - columns;
    if (r >= 0 && state == EntityState.PERSISTENT && key != null && !relationLoaded(r)) {
      LoadStrategy.accessed(session, this, r);
    }
  }

  @Override
  public void afterWrite(Object entity, int property) {
    if (detached || session.interceptionSuppressed()) {
      return;
    }
    if (!written) {
      written = true;
      session.identityMap().watch(this);
    }
    if (property >= columns) {
      RelationSync.afterSet(session, this, property - columns);
      return;
    }
    if (expiredInSession()) {
      Object written = mapping.get(entity, property);
      if (session.reload(this)) {
        session.withoutInterception(() -> {
          mapping.set(entity, property, written);
          return null;
        });
      }
    }
  }

  private void refuseDetachedRead(int property) {
    int r = property - columns;
    if (r >= 0 && !relationLoaded(r)) {
      dev.quarry.annotation.FetchType strategy = relationOverride(r);
      if (strategy == null) {
        strategy = mapping.relation(r).fetch();
      }
      if (strategy == dev.quarry.annotation.FetchType.NOLOAD || strategy == dev.quarry.annotation.FetchType.RAISE) {
        // they need no database: NOLOAD reads empty or null, RAISE names the fix, detached or not
        LoadStrategy.of(strategy).onAccess(null, Relationship.of(mapping, r), this);
        return;
      }
      throw new DetachedInstanceException(mapping.entityName(), key.id(),
          "loading relationship " + mapping.relation(r).name());
    }
    if (expired) {
      throw new DetachedInstanceException(mapping.entityName(), key.id(),
          "reading expired property " + (property < columns ? mapping.propertyName(property) : "#" + property));
    }
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
