package dev.quarry.orm;

import dev.quarry.annotation.FetchType;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.sql.Column;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An untracked query whose only eager relationship is one collection of leaves (an author's
 * books, nothing loaded below them), JOINED or SELECTIN: owners and elements are both read
 * without entries. Every owner then has the same loaded state (that collection), so one
 * {@link UntrackedLeaf} answers for all of them, as another answers for all elements; no entry,
 * key or identity slot is made per object. Owners are told apart by id alone (the query's only
 * class of owner).
 *
 * <p>The general readers ({@link JoinedLoader.Assembly}, {@link RelatedRows#inverse}) read
 * everything else; this one returns the same objects in the same order, linked the same way, with
 * the same lifecycle events and the same statements.
 */
final class OwnersAndLeaves {
  private final SessionImpl session;
  private final EntityMapping<Object> mapping;
  private final Relationship rel;
  private final UntrackedLeaf owners;
  private final UntrackedLeaf elements;
  private final EntityLoader.Rows elementRows;
  /** JDBC index of the elements' first column in a JOINED row; 0 when they come by SELECTIN. */
  private final int firstColumn;
  private final int mirror;
  private final Class<?> identityType;
  /** Per owner in the order its first row came: the object, its id and its collection being filled. */
  private final List<Object[]> read = new ArrayList<>();
  /** Owners met, by id: consulted only when a row's owner differs from the row before's. */
  private final Map<Object, Object[]> seen = new HashMap<>();
  /** Resolves an owner's own to-one keys to owners already read, as the query's identity table would. */
  private final dev.quarry.spi.ReferenceResolver ownersById;

  private OwnersAndLeaves(EntityLoader loader, EntityMapping<Object> mapping, Relationship rel,
      UntrackedLeaf owners, int firstColumn) {
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
   * The reader for an untracked query that loads exactly one relationship, a collection whose
   * elements are leaves: joined by {@code j}, or (when {@code j} joins nothing) an inverse
   * one-to-many loaded by select-in. The owner's class has a generated subclass outside any
   * hierarchy and no NOLOAD reference (as for {@link UntrackedLeaf#forRows}); no other per-query
   * option is remembered on the owners. Else null.
   */
  static OwnersAndLeaves of(EntityLoader loader, LoadPlan plan, JoinedLoader.Joins j) {
    if (loader.tracking() || j.relationships.size() > 1) {
      return null;
    }
    EntityMapping<Object> m = plan.mapping;
    Relationship rel = j.isEmpty() ? null : j.relationships.get(0);
    for (int r = 0; r < m.relationCount(); r++) {
      FetchType strategy = plan.strategy(r);
      boolean eager = strategy == FetchType.JOINED || strategy == FetchType.SELECTIN;
      if (rel != null && r == rel.index) {
        continue;
      }
      if (eager && rel == null) {
        rel = Relationship.of(m, r); // no join: the one relationship select-in loads
      } else if (eager || plan.explicit(r)) {
        return null;
      }
    }
    if (rel == null || !rel.toMany() || rel.manyToMany() || rel.owning() || loader.leaf(rel) == null) {
      return null;
    }
    UntrackedLeaf owners = UntrackedLeaf.forOwners(m, rel.index);
    return owners == null ? null
        : new OwnersAndLeaves(loader, m, rel, owners, j.isEmpty() ? 0 : j.firstColumns.get(0));
  }

  /** Whether the elements come in the owners' statement (JOINED) rather than by select-in afterwards. */
  boolean joined() {
    return firstColumn > 0;
  }

  /** Reads every row of the query's statement: owners, and with JOINED their elements. */
  void readAll(ResultSet rs, Vendor vendor) throws SQLException {
    Object owner = null;
    Object ownerId = null;
    Collection<Object> collection = null;
    while (rs.next()) {
      if (owner == null || !mapping.sameId(rs, 1, vendor, ownerId)) {
        Object[] slot = owner(rs, vendor);
        owner = slot[0];
        ownerId = slot[1];
        collection = collection(slot);
      }
      if (firstColumn > 0) {
        Object child = elementRows.leaf(elements, rs, firstColumn, vendor, mirror, owner);
        if (child != null) {
          collection.add(child);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Collection<Object> collection(Object[] slot) {
    return (Collection<Object>) slot[2];
  }

  /** A row whose owner differs from the row before's: the owner met before, or a new one read from it. */
  private Object[] owner(ResultSet rs, Vendor vendor) throws SQLException {
    Object id = mapping.readId(rs, 1, vendor);
    Object[] slot = seen.get(id);
    if (slot == null) {
      Object entity = mapping.readNew(rs, 1, vendor, id, -1, null, ownersById, owners);
      slot = new Object[] {entity, id, rel.newCollection()};
      seen.put(id, slot);
      read.add(slot);
      session.dispatch(LifecycleEvent.AFTER_LOAD, mapping, entity);
    }
    return slot;
  }

  /**
   * SELECTIN: the elements of every owner read, by the same statements {@link RelatedRows#inverse}
   * runs ({@code WHERE key IN (...)}, chunked below the bind limit). Each row's key column names
   * its owner before the row is read, so the element's reference is set to it as in a JOINED row.
   */
  void selectElements() {
    if (read.isEmpty()) {
      return;
    }
    List<Object> ids = new ArrayList<>(read.size());
    for (Object[] slot : read) {
      ids.add(slot[1]);
    }
    EntityMapping<Object> target = rel.target;
    Column<?> key = target.table().columns().get(rel.targetKey);
    int keyIndex = 1 + rel.targetKey;
    RelatedRows.selectRows(session, target, key, ids, RelatedRows.orderBy(rel), (rs, vendor) -> {
      Object[] slot = null;
      while (rs.next()) {
        Object ownerId = key.type().read(rs, keyIndex, vendor);
        if (slot == null || !slot[1].equals(ownerId)) {
          slot = seen.get(ownerId);
          if (slot == null) {
            continue; // not one of the keys asked for (a type the database compared loosely)
          }
        }
        collection(slot).add(elementRows.leaf(elements, rs, 1, vendor, mirror, slot[0]));
      }
    });
  }

  /**
   * The distinct owners in the order their first rows came, each given its filled collection (set
   * once full, as the general readers do: a setter may copy what it is given).
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
