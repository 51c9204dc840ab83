package dev.quarry.orm;

import dev.quarry.annotation.FetchType;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.spi.ManagedEntity;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An untracked JOINED query whose only eager relationship is one collection of leaves (an
 * author's books, nothing loaded below them): owners and elements are both read without entries.
 * Every owner then has the same loaded state (that collection), so one {@link UntrackedLeaf}
 * answers for all of them, as another answers for all elements; no entry, key or identity slot is
 * made per object. Owners are told apart by id alone (the query's only class of owner).
 *
 * <p>The general {@link JoinedLoader.Assembly} reads everything else; this reader returns the same
 * objects in the same order, linked the same way, with the same lifecycle events.
 */
final class JoinedLeaves {
  private final SessionImpl session;
  private final EntityMapping<Object> mapping;
  private final Relationship rel;
  private final UntrackedLeaf owners;
  private final UntrackedLeaf elements;
  private final EntityLoader.Rows elementRows;
  private final int firstColumn;
  private final int mirror;
  private final Class<?> identityType;
  /** Per owner in the order its first row came: the object, its id and its collection being filled. */
  private final List<Object[]> read = new ArrayList<>();
  /** Owners met, by id: consulted only when a row's owner differs from the row before's. */
  private final Map<Object, Object[]> seen = new HashMap<>();
  /** Resolves an owner's own to-one keys to owners already read, as the query's identity table would. */
  private final dev.quarry.spi.ReferenceResolver ownersById;

  private JoinedLeaves(EntityLoader loader, EntityMapping<Object> mapping, Relationship rel, UntrackedLeaf owners,
      int firstColumn) {
    this.session = loader.session();
    this.mapping = mapping;
    this.rel = rel;
    this.owners = owners;
    this.elements = loader.leaf(rel);
    this.elementRows = loader.rows(rel.target);
    this.firstColumn = firstColumn;
    this.mirror = rel.mirror >= 0 && !Relationship.of(rel.target, rel.mirror).toMany() ? rel.mirror : -1;
    this.identityType = mapping.identityType();
    this.ownersById = (type, id) -> {
      Object[] known = type == identityType ? seen.get(id) : null;
      return known == null ? null : known[0];
    };
  }

  /**
   * The reader for an untracked query's JOINED statement when it qualifies: the plan loads exactly
   * one relationship, a collection {@code j} joins whose elements are leaves; the owner's class
   * has a generated subclass outside any hierarchy and no NOLOAD reference (as for
   * {@link UntrackedLeaf#forRows}); no other per-query option is remembered on the owners. Else null.
   */
  static JoinedLeaves of(EntityLoader loader, LoadPlan plan, JoinedLoader.Joins j) {
    if (loader.tracking() || j.relationships.size() != 1) {
      return null;
    }
    Relationship rel = j.relationships.get(0);
    EntityMapping<Object> m = plan.mapping;
    for (int r = 0; r < m.relationCount(); r++) {
      FetchType strategy = plan.strategy(r);
      boolean eager = strategy == FetchType.JOINED || strategy == FetchType.SELECTIN;
      if (r != rel.index && (eager || plan.explicit(r))) {
        return null;
      }
    }
    UntrackedLeaf owners = rel.toMany() && loader.leaf(rel) != null ? UntrackedLeaf.forOwners(m, rel.index) : null;
    return owners == null ? null : new JoinedLeaves(loader, m, rel, owners, j.firstColumns.get(0));
  }

  /** Reads every row of the statement's result. */
  void readAll(ResultSet rs, Vendor vendor) throws SQLException {
    Object owner = null;
    Object ownerId = null;
    Collection<Object> collection = null;
    while (rs.next()) {
      if (owner == null || !mapping.sameId(rs, 1, vendor, ownerId)) {
        Object[] slot = owner(rs, vendor);
        owner = slot[0];
        ownerId = slot[1];
        @SuppressWarnings("unchecked")
        Collection<Object> c = (Collection<Object>) slot[2];
        collection = c;
      }
      Object child = elementRows.leaf(elements, rs, firstColumn, vendor, mirror, owner);
      if (child != null) {
        collection.add(child);
      }
    }
  }

  /** A row whose owner differs from the row before's: the owner met before, or a new one read from it. */
  private Object[] owner(ResultSet rs, Vendor vendor) throws SQLException {
    Object id = mapping.readId(rs, 1, vendor);
    Object[] slot = seen.get(id);
    if (slot == null) {
      Object entity = mapping.newManagedInstance(null);
      mapping.readWithId(rs, 1, vendor, entity, id, ownersById);
      ((ManagedEntity) entity).quarryInterceptor(owners);
      slot = new Object[] {entity, id, rel.newCollection()};
      seen.put(id, slot);
      read.add(slot);
      session.dispatch(LifecycleEvent.AFTER_LOAD, mapping, entity);
    }
    elementRows.expect(identityType, id, slot[0]);
    return slot;
  }

  /**
   * The distinct owners in the order their first rows came, each given its filled collection (set
   * once full, as the general reader does: a setter may copy what it is given).
   */
  List<Object> finish() {
    List<Object> out = new ArrayList<>(read.size());
    for (Object[] slot : read) {
      mapping.setRelation(slot[0], rel.index, slot[2]);
      out.add(slot[0]);
    }
    return out;
  }
}
