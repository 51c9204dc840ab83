package dev.quarry.orm.internal;

import dev.quarry.spi.EntityMapping;
import dev.quarry.sql.OrderField;
import dev.quarry.sql.Select;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JOINED: the related rows come in the query's own statement through {@code LEFT OUTER JOIN}s,
 * rows de-duplicated through the identity map. Every joined to-one relationship of the level is
 * joined, but at most ONE collection per statement: a second collection would multiply the rows
 * (the cartesian product behind Hibernate's "multiple bags" failure), so further JOINED collections,
 * collections of a query with limit/offset (the limit would cut collections short) and JOINED
 * relationships below the first level (and many-to-many collections, which need two joins) are loaded
 * with {@link SelectInLoader} instead — one extra
 * IN query each, still no N+1.
 */
final class JoinedLoader implements LoadStrategy {
  static final JoinedLoader INSTANCE = new JoinedLoader();

  private JoinedLoader() {}

  @Override
  public boolean inStatement(LoadPlan plan, int r, Joins statement, boolean limited) {
    Relationship rel = Relationship.of(plan.mapping, r);
    // a second collection, a limited query's collection or a many-to-many loads with select-in
    return !(rel.toMany() && (statement.collection || limited) || rel.manyToMany());
  }

  @Override
  public List<Object> afterRows(EntityLoader loader, Relationship rel, List<EntityEntry> owners) {
    return SelectInLoader.INSTANCE.afterRows(loader, rel, owners);
  }

  @Override
  public void onAccess(SessionState session, Relationship rel, EntityEntry owner) {
    LazyLoader.INSTANCE.onAccess(session, rel, owner);
  }

  /** The joins of one query statement: relationship, alias and first JDBC column of each. */
  static final class Joins {
    final List<Relationship> relationships = new ArrayList<>();
    final List<Table> aliases = new ArrayList<>();
    final List<Integer> firstColumns = new ArrayList<>();
    /** Per relationship of the query's entity: whether the statement loads it. */
    final boolean[] joined;
    boolean collection;
    /** The JDBC index of the next joined table's first column. */
    private int next;

    Joins(EntityMapping<Object> root) {
      joined = new boolean[root.relationCount()];
      next = 1 + root.table().columns().size();
    }

    /** Joins {@code rel}'s table after those joined so far. */
    void add(Relationship rel) {
      collection |= rel.toMany();
      relationships.add(rel);
      aliases.add(rel.joinAlias(relationships.size()));
      firstColumns.add(next);
      joined[rel.index] = true;
      next += rel.target.table().columns().size();
    }

    boolean isEmpty() {
      return relationships.isEmpty();
    }
  }

  /** Adds the joined tables' columns and LEFT OUTER JOINs to a query's statement parts. */
  static Select join(Select select, Table root, Joins j) {
    Select s = select;
    for (int k = 0; k < j.relationships.size(); k++) {
      Relationship rel = j.relationships.get(k);
      Table alias = j.aliases.get(k);
      s = rel.owning()
          ? s.leftJoin(alias, RelatedRows.eq(alias.columns().get(rel.target.primaryKeyColumns()[0]),
              root.columns().get(rel.ownerKey)))
          : s.leftJoin(alias, Polymorphic.and(RelatedRows.eq(alias.columns().get(rel.targetKey),
              root.columns().get(rel.owner.primaryKeyColumns()[0])), rel.target, alias)); // inheritance
    }
    return s;
  }

  /** Sort keys of the joined collection (its orderBy), appended after the query's own order. */
  static List<OrderField> collectionOrder(Joins j) {
    List<OrderField> out = new ArrayList<>();
    for (int k = 0; k < j.relationships.size(); k++) {
      Relationship rel = j.relationships.get(k);
      if (rel.toMany()) {
        for (String key : rel.orderKeys()) {
          out.add(Sql.sort(j.aliases.get(k), key));
        }
      }
    }
    return out;
  }

  /**
   * Reads a JOINED statement's rows as they come and links what they hold: each owner once (its
   * repeated rows, which the statement sorts together, are recognised by id without an identity
   * lookup), each to-one object from the owner's first row, each collection element into a
   * collection built as it goes. Nothing is kept per row, so a 1,000-row graph allocates only the
   * objects it returns.
   */
  static final class Assembly {
    private final EntityLoader.Rows ownerRows;
    private final EntityLoader.Rows[] targetRows;
    private final SessionState session;
    private final EntityMapping<Object> mapping;
    private final Relationship[] relationships;
    private final Relationship[] mirrors;
    /** Per join: the shared interceptor when its elements are read without entries (untracked), else null. */
    private final SharedInterceptor[] leaves;
    private final int[] firstColumns;
    private final List<EntityEntry> owners = new ArrayList<>();
    /** Per owner (in {@link #owners} order), per join: the to-one entry, or the collection being filled. */
    private final List<Object[]> linked = new ArrayList<>();
    /**
     * Owners already met, by key, consulted only when the owner changes from one row to the next.
     * Not by identity: the first identity hash of a new object is a call into the VM.
     */
    private final Map<EntityKey, Object[]> seen = new HashMap<>();
    private EntityEntry previous;
    private Object previousId;
    private Object[] previousLinked;

    Assembly(EntityLoader loader, EntityMapping<Object> mapping, Joins j) {
      this.session = loader.session();
      this.ownerRows = loader.rows(mapping);
      this.mapping = mapping;
      int n = j.relationships.size();
      relationships = j.relationships.toArray(new Relationship[0]);
      mirrors = new Relationship[n];
      firstColumns = new int[n];
      targetRows = new EntityLoader.Rows[n];
      leaves = new SharedInterceptor[n];
      for (int k = 0; k < n; k++) {
        Relationship rel = relationships[k];
        mirrors[k] = rel.mirror >= 0 && !Relationship.of(rel.target, rel.mirror).toMany()
            ? Relationship.of(rel.target, rel.mirror) : null;
        firstColumns[k] = j.firstColumns.get(k);
        targetRows[k] = loader.rows(rel.target);
        leaves[k] = loader.leaf(rel);
      }
    }

    /** Reads every row of the statement's result. */
    void readAll(ResultSet rs, dev.quarry.types.Vendor vendor) throws SQLException {
      while (rs.next()) {
        read(rs, vendor);
      }
    }

    /**
     * Reads the current row. The usual row, another element of the previous row's owner, comes
     * first in the bytecode and an owner change is a call: the JIT inlines in bytecode order until
     * the compiled method's node budget is spent, and the element path (its JDBC getters, the
     * generated read, the link) needs all of it.
     */
    private void read(ResultSet rs, dev.quarry.types.Vendor vendor) throws SQLException {
      if (previous != null && mapping.sameId(rs, 1, vendor, previousId)) {
        elements(rs, vendor, previous, previousLinked);
      } else {
        ownerRow(rs, vendor);
      }
    }

    /** A row whose owner differs from the row before's: finds or reads the owner, then its elements. */
    private void ownerRow(ResultSet rs, dev.quarry.types.Vendor vendor) throws SQLException {
      EntityEntry owner = ownerRows.entry(rs, 1, vendor);
      Object[] slots = seen.get(owner.key);
      if (slots == null) {
        slots = firstRow(owner, rs, vendor);
      }
      previous = owner;
      previousId = owner.key.id();
      previousLinked = slots;
      elements(rs, vendor, owner, slots);
    }

    /** Adds the row's collection elements to the collections being filled for {@code owner}. */
    private void elements(ResultSet rs, dev.quarry.types.Vendor vendor, EntityEntry owner, Object[] slots)
        throws SQLException {
      for (int k = 0; k < relationships.length; k++) {
        if (slots[k] instanceof Collection<?> c && leaves[k] != null) {
          Object child = targetRows[k].leaf(leaves[k], rs, firstColumns[k], vendor,
              mirrors[k] == null ? -1 : mirrors[k].index, owner.entity);
          if (child != null) {
            @SuppressWarnings("unchecked")
            Collection<Object> elements = (Collection<Object>) c;
            elements.add(child);
          }
        } else if (slots[k] instanceof Collection<?> c) {
          EntityEntry child = targetRows[k].entry(rs, firstColumns[k], vendor);
          if (child != null) {
            @SuppressWarnings("unchecked")
            Collection<Object> elements = (Collection<Object>) c;
            elements.add(child.entity); // one collection per statement: each child row appears once per owner
            if (mirrors[k] != null && !child.relationLoaded(mirrors[k].index)) {
              RelatedRows.link(session, mirrors[k], child, owner.entity);
            }
          }
        }
      }
    }

    /** The first row of an owner: its to-one objects, and an empty collection to fill per unloaded collection. */
    private Object[] firstRow(EntityEntry owner, ResultSet rs, dev.quarry.types.Vendor vendor) throws SQLException {
      Object[] slots = new Object[relationships.length];
      for (int k = 0; k < relationships.length; k++) {
        Relationship rel = relationships[k];
        if (owner.relationLoaded(rel.index)) {
          continue; // already in the session with this relationship loaded: keep what it has
        }
        slots[k] = rel.toMany() ? rel.newCollection()
            : targetRows[k].entry(rs, firstColumns[k], vendor);
      }
      owners.add(owner);
      linked.add(slots);
      seen.put(owner.key, slots);
      return slots;
    }

    /** Links the read objects to their owners and returns the distinct owners' entries in row order. */
    List<EntityEntry> finish() {
      List<EntityEntry> out = new ArrayList<>(owners.size());
      for (int o = 0; o < owners.size(); o++) {
        EntityEntry owner = owners.get(o);
        Object[] slots = linked.get(o);
        for (int k = 0; k < relationships.length; k++) {
          Relationship rel = relationships[k];
          if (owner.relationLoaded(rel.index)) {
            continue;
          }
          if (rel.toMany()) {
            RelatedRows.link(session, rel, owner, slots[k]);
          } else {
            EntityEntry child = (EntityEntry) slots[k];
            if (child != null && !rel.target.entityType().isInstance(child.entity)) {
              child = null; // inheritance: the key names a row of another subclass than the property's type
            }
            if (child == null && rel.owning() && owner.mapping.get(owner.entity, rel.ownerKey) != null) {
              RelatedRows.linkAbsent(rel, owner); // keep the key: reading null must not write NULL at flush
              continue;
            }
            RelatedRows.link(session, rel, owner, child == null ? null : child.entity);
            if (child != null && mirrors[k] != null && !child.relationLoaded(rel.mirror)) {
              RelatedRows.link(session, mirrors[k], child, owner.entity);
            }
          }
        }
        out.add(owner);
      }
      return out;
    }
  }
}
