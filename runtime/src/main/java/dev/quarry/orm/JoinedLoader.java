package dev.quarry.orm;

import dev.quarry.annotation.FetchType;
import dev.quarry.spi.EntityMapping;
import dev.quarry.sql.OrderField;
import dev.quarry.sql.Select;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
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
final class JoinedLoader implements RelationLoader {
  static final JoinedLoader INSTANCE = new JoinedLoader();

  private JoinedLoader() {}

  @Override
  public List<Object> loadAll(SessionImpl session, Relationship rel, List<EntityEntry> owners) {
    return SelectInLoader.INSTANCE.loadAll(session, rel, owners);
  }

  @Override
  public void loadOne(SessionImpl session, Relationship rel, EntityEntry owner) {
    LazyLoader.INSTANCE.loadOne(session, rel, owner);
  }

  /** The joins of one query statement: relationship, alias and first JDBC column of each. */
  static final class Joins {
    final List<Relationship> relationships = new ArrayList<>();
    final List<Table> aliases = new ArrayList<>();
    final List<Integer> firstColumns = new ArrayList<>();
    final boolean[] joined;
    boolean collection;

    Joins(int relationCount) {
      joined = new boolean[relationCount];
    }

    boolean isEmpty() {
      return relationships.isEmpty();
    }
  }

  /** Which JOINED relationships of {@code plan} this statement joins. */
  static Joins plan(LoadPlan plan, boolean limited) {
    EntityMapping<Object> m = plan.mapping;
    Joins j = new Joins(m.relationCount());
    int next = 1 + m.table().columns().size();
    for (int r = 0; r < m.relationCount(); r++) {
      if (plan.strategy(r) != FetchType.JOINED) {
        continue;
      }
      Relationship rel = Relationship.of(m, r);
      if (rel.toMany() && (j.collection || limited) || rel.manyToMany()) {
        continue; // loaded by Loading.run with select-in
      }
      j.collection |= rel.toMany();
      j.relationships.add(rel);
      j.aliases.add(rel.target.table().as("j" + j.relationships.size() + "_" + rel.info.name()));
      j.firstColumns.add(next);
      j.joined[r] = true;
      next += rel.target.table().columns().size();
    }
    return j;
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
      if (rel.toMany() && !rel.info.orderBy().isBlank()) {
        for (String part : rel.info.orderBy().split(",")) {
          out.add(Sql.sort(j.aliases.get(k), Properties.sortKeyToColumn(rel.target, part.trim())));
        }
      }
    }
    return out;
  }

  /**
   * Reads the entries of the owner and of each joined object of the current row (null where the
   * outer join matched nothing); entries, so {@link #assemble} links them without identity lookups.
   */
  static EntityEntry[] readRow(EntityLoader loader, EntityMapping<Object> m, Joins j, ResultSet rs,
      dev.quarry.types.Vendor vendor) throws SQLException {
    EntityEntry[] row = new EntityEntry[1 + j.relationships.size()];
    row[0] = loader.loadEntry(m, rs, 1, vendor);
    for (int k = 0; k < j.relationships.size(); k++) {
      row[k + 1] = loader.loadEntry(j.relationships.get(k).target, rs, j.firstColumns.get(k), vendor);
    }
    return row;
  }

  /** Links the joined objects to their owners and returns the distinct owners in row order. */
  static List<Object> assemble(SessionImpl session, Joins j, List<EntityEntry[]> rows) {
    // The rows of one owner usually come together (the statement sorts by the collection last), so
    // the maps below are only consulted when the owner changes from one row to the next.
    Map<EntityEntry, EntityEntry[]> firstRowOf = new IdentityHashMap<>();
    List<EntityEntry> owners = new ArrayList<>();
    EntityEntry previous = null;
    for (EntityEntry[] row : rows) {
      if (row[0] != previous && firstRowOf.putIfAbsent(row[0], row) == null) {
        owners.add(row[0]);
      }
      previous = row[0];
    }
    for (int k = 0; k < j.relationships.size(); k++) {
      Relationship rel = j.relationships.get(k);
      Map<EntityEntry, List<EntityEntry>> children = new IdentityHashMap<>();
      if (rel.toMany()) {
        EntityEntry current = null;
        List<EntityEntry> c = null;
        for (EntityEntry[] row : rows) {
          if (row[0] != current) {
            current = row[0];
            c = current.relationLoaded(rel.index) ? null : children.computeIfAbsent(current, o -> new ArrayList<>());
          }
          if (c != null && row[k + 1] != null) {
            c.add(row[k + 1]); // one collection per statement: each child row appears once per owner
          }
        }
      }
      Relationship mirror = rel.mirror >= 0 ? Relationship.of(rel.target, rel.mirror) : null;
      for (EntityEntry owner : owners) {
        if (owner.relationLoaded(rel.index)) {
          continue;
        }
        List<EntityEntry> related;
        if (rel.toMany()) {
          related = children.get(owner);
          Collection<Object> c = rel.newCollection();
          for (EntityEntry child : related) {
            c.add(child.entity);
          }
          RelatedRows.link(session, rel, owner, c);
        } else {
          EntityEntry child = firstRowOf.get(owner)[k + 1];
          related = child == null ? List.of() : List.of(child);
          RelatedRows.link(session, rel, owner, child == null ? null : child.entity);
        }
        if (mirror != null && !mirror.toMany()) {
          for (EntityEntry child : related) {
            if (!child.relationLoaded(rel.mirror)) {
              RelatedRows.link(session, mirror, child, owner.entity);
            }
          }
        }
      }
    }
    List<Object> out = new ArrayList<>(owners.size());
    for (EntityEntry owner : owners) {
      out.add(owner.entity);
    }
    return out;
  }
}
