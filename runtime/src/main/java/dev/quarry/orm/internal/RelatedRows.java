package dev.quarry.orm.internal;

import dev.quarry.spi.EntityMapping;
import dev.quarry.sql.Column;
import dev.quarry.sql.OrderField;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Select;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements and linking shared by the lazy and select-in loaders: related rows are selected by
 * key ({@code WHERE key IN (...)}),
 * read through the identity map, and linked to their owners on both sides. One statement carries as
 * many keys as the database's bind-parameter limit allows (less a margin), so 1,000 parents are
 * one query on every supported database; more are split into several.
 */
final class RelatedRows {
  /** Bind parameters left for anything else in the statement. */
  private static final int MARGIN = 16;

  private RelatedRows() {}

  /** Loads {@code rel} for {@code owners} with the statement its kind needs; returns the linked objects. */
  static List<Object> load(EntityLoader loader, Relationship rel, List<EntityEntry> owners) {
    SessionCache cache = loader.tracking() ? loader.session().cache() : null;
    if (cache != null && rel.toMany() && cache.caches(rel)) {
      return CachedCollections.load(loader, rel, owners, cache);
    }
    if (rel.manyToMany()) {
      return manyToMany(loader, rel, owners);
    }
    return rel.owning() ? references(loader, rel, owners) : inverse(loader, rel, owners);
  }

  /**
   * Many-to-many: {@code SELECT target.*, assoc.owner_key FROM target JOIN assoc ON assoc.target_key =
   * target.id WHERE assoc.owner_key IN (...)}, grouped by owner.
   */
  static List<Object> manyToMany(EntityLoader loader, Relationship rel, List<EntityEntry> owners) {
    SessionState session = loader.session();
    List<Object> ids = new ArrayList<>(owners.size());
    for (EntityEntry o : owners) {
      ids.add(o.key.id());
    }
    Table table = rel.target.table();
    Table assoc = rel.joinTable;
    Column<?> ownerColumn = assoc.columns().get(rel.joinOwnerColumn);
    Column<?> targetColumn = assoc.columns().get(rel.joinTargetColumn);
    int keyIndex = 1 + table.columns().size();
    List<OrderField> order = orderBy(rel);
    int max = Math.max(1, session.factory().engineOf(rel.target).vendor().maxBindParameters() - MARGIN);
    Map<Object, List<Object>> byOwner = new HashMap<>();
    Set<Object> linked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (int from = 0; from < ids.size(); from += max) {
      List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + max));
      Select s = Sql.select(table, ownerColumn).from(table)
          .join(assoc, eq(targetColumn, table.columns().get(rel.target.primaryKeyColumns()[0])))
          .where(in(ownerColumn, chunk));
      // inheritance: a collection of a subclass; the association table may link rows of other classes,
      // which stay out of the collection (and so out of the flush's difference: their rows are kept)
      Predicate subclass = Polymorphic.filter(rel.target, table);
      if (subclass != null) {
        s = s.where(subclass);
      }
      if (!order.isEmpty()) {
        s = s.orderBy(order.toArray(new OrderField[0]));
      }
      List<Object[]> rows = QueryRunner.list(session, rel.target, s, (rs, vendor) -> new Object[] {
          loader.load(rel.target, rs, 1, vendor), ownerColumn.type().read(rs, keyIndex, vendor)});
      for (Object[] row : rows) {
        byOwner.computeIfAbsent(row[1], k -> new ArrayList<>()).add(row[0]);
        linked.add(row[0]);
      }
    }
    for (EntityEntry o : owners) {
      Collection<Object> c = rel.newCollection();
      c.addAll(byOwner.getOrDefault(o.key.id(), List.of()));
      link(session, rel, o, c);
    }
    return new ArrayList<>(linked);
  }

  /** Owning references: resolves each owner's key to the target object (identity map first). */
  static List<Object> references(EntityLoader loader, Relationship rel, List<EntityEntry> owners) {
    SessionState session = loader.session();
    SessionCache cache = loader.tracking() ? session.cache() : null;
    Set<Object> missing = new LinkedHashSet<>();
    for (EntityEntry o : owners) {
      Object key = o.mapping.get(o.entity, rel.ownerKey);
      if (key != null && loader.find(rel.target.identityType(), key) == null
          && (cache == null || cache.hydrate(rel.target, key) == null)) { // the second-level cache before SQL
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      select(loader, rel.target, rel.target.table().columns().get(rel.target.primaryKeyColumns()[0]),
          new ArrayList<>(missing), List.of(), e -> {});
    }
    Set<Object> linked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (EntityEntry o : owners) {
      Object key = o.mapping.get(o.entity, rel.ownerKey);
      EntityEntry t = key == null ? null : loader.find(rel.target.identityType(), key);
      // inheritance: the row with that key may be another subclass than the property's type, which
      // a query of the target class (filtered by discriminator) would not return either
      Object target = t == null || t.markedDeleted || !rel.target.entityType().isInstance(t.entity) ? null : t.entity;
      if (target == null && key != null) {
        linkAbsent(rel, o);
      } else {
        link(session, rel, o, target);
      }
      if (target != null) {
        linked.add(target);
        if (rel.mirror >= 0 && !rel.target.relation(rel.mirror).toMany()) {
          // one-to-one: the inverse side of the target is this owner
          link(session, Relationship.of(rel.target, rel.mirror), t, o.entity);
        }
      }
    }
    return new ArrayList<>(linked);
  }

  /**
   * Inverse sides (one-to-many, inverse one-to-one): selects the rows whose key is an owner's id
   * and puts each into its owner's collection as it is read (rows of one owner usually come
   * together, so the owner is looked up by key only when it changes). Returns the objects linked,
   * except leaves of an untracked query ({@link SharedInterceptor}), below which nothing loads.
   */
  static List<Object> inverse(EntityLoader loader, Relationship rel, List<EntityEntry> owners) {
    SessionState session = loader.session();
    List<Object> ids = new ArrayList<>(owners.size());
    Map<Object, Group> byOwner = new HashMap<>(owners.size() * 2);
    for (EntityEntry o : owners) {
      ids.add(o.key.id());
      byOwner.put(o.key.id(), new Group(o, rel.toMany() ? rel.newCollection() : null));
    }
    Relationship mirror = rel.mirror >= 0 ? Relationship.of(rel.target, rel.mirror) : null;
    List<Object> linked = new ArrayList<>();
    Column<?> key = rel.target.table().columns().get(rel.targetKey);
    Group[] current = new Group[1];
    SharedInterceptor leaf = loader.leaf(rel);
    select(loader, rel.target, key, ids, orderBy(rel), leaf, (object, child) -> {
      if (child != null && child.markedDeleted) {
        return;
      }
      Object ownerId = rel.target.get(object, rel.targetKey);
      Group g = current[0];
      if (g == null || !g.owner.key.id().equals(ownerId)) {
        g = byOwner.get(ownerId);
        current[0] = g;
        if (g == null) {
          return; // its key was changed in memory and not flushed (autoflush off): not one of these owners'
        }
      }
      if (g.children != null) {
        g.children.add(object);
      } else if (g.only == null) {
        g.only = object; // inverse one-to-one: the first row
      } else {
        return;
      }
      if (child != null) {
        linked.add(object);
      }
      if (mirror != null && child == null) {
        rel.target.setRelation(object, rel.mirror, g.owner.entity); // a leaf: its interceptor has it loaded
      } else if (mirror != null && !child.relationLoaded(rel.mirror)) {
        link(session, mirror, child, g.owner.entity);
      }
    });
    for (EntityEntry o : owners) {
      Group g = byOwner.get(o.key.id());
      link(session, rel, o, g.children != null ? g.children : g.only);
    }
    return linked;
  }

  /** One owner of a select-in load and what its rows brought. */
  private static final class Group {
    final EntityEntry owner;
    final Collection<Object> children;
    Object only;

    Group(EntityEntry owner, Collection<Object> children) {
      this.owner = owner;
      this.children = children;
    }
  }

  /**
   * Links null for an owning reference whose key finds no object of the property's type (NOLOAD, a
   * row of another subclass, a dangling key) and records the null as the loaded state: the foreign
   * key is read from that property, and the next flush would otherwise write NULL over the row's key.
   */
  static void linkAbsent(Relationship rel, EntityEntry owner) {
    owner.mapping.setRelation(owner.entity, rel.index, null);
    owner.relationState(rel.index, EntityEntry.LOADED);
    if (owner.snapshot != null) {
      Object[] snapshot = owner.snapshot.clone(); // the array may be shared with a rollback or detached record
      snapshot[rel.ownerKey] = null;
      owner.snapshot = snapshot;
    }
  }

  /**
   * Sets the relationship's value without interception and marks it loaded. A collection of an
   * object attached to the session becomes a {@link TrackedCollection}, which keeps the other side
   * in step as the application adds and removes elements.
   */
  static void link(SessionState session, Relationship rel, EntityEntry owner, Object value) {
    Object linked = value;
    if (value instanceof Collection<?> c && session != null && owner.managed && rel.mirror >= 0
        && owner.attachedTo(session) && !TrackedCollection.isTracked(value, owner, rel)) {
      linked = TrackedCollection.of(session, owner, rel, c);
    }
    owner.mapping.setRelation(owner.entity, rel.index, linked);
    owner.markLoaded(rel.index, linked);
  }

  /** The collection's declared order ({@code orderBy}) as sort keys of its target's table. */
  static List<OrderField> orderBy(Relationship rel) {
    List<OrderField> out = new ArrayList<>();
    for (String key : rel.orderKeys()) {
      out.add(Sql.sort(rel.target.table(), key));
    }
    return out;
  }

  /**
   * {@code SELECT target.* WHERE column IN (keys)}, in chunks, rows read through {@code loader} (the
   * identity map, or an untracked query's own), handing each row's entry to {@code each}.
   */
  static void select(EntityLoader loader, EntityMapping<Object> target, Column<?> column,
      List<Object> keys, List<OrderField> order, java.util.function.Consumer<EntityEntry> each) {
    select(loader, target, column, keys, order, null, (object, entry) -> each.accept(entry));
  }

  /**
   * As {@link #select(EntityLoader, EntityMapping, Column, List, List, java.util.function.Consumer)},
   * handing each row's object and entry to {@code each}; with {@code leaf}, the rows are read as that
   * untracked collection's leaves, without entries (null entry).
   */
  static void select(EntityLoader loader, EntityMapping<Object> target, Column<?> column, List<Object> keys,
      List<OrderField> order, SharedInterceptor leaf, java.util.function.BiConsumer<Object, EntityEntry> each) {
    EntityLoader.Rows rows = loader.rows(target);
    selectRows(loader.session(), target, column, keys, order, (rs, vendor) -> {
      while (rs.next()) {
        if (leaf != null) {
          each.accept(rows.leaf(leaf, rs, 1, vendor, -1, null), null);
        } else {
          EntityEntry e = rows.entry(rs, 1, vendor);
          each.accept(e.entity, e);
        }
      }
    });
  }

  /**
   * Runs {@code SELECT target.* WHERE column IN (keys) ORDER BY order}, one statement per chunk of
   * keys below the database's bind-parameter limit, handing each open result to {@code scan}.
   */
  static void selectRows(SessionState session, EntityMapping<Object> target, Column<?> column, List<Object> keys,
      List<OrderField> order, QueryRunner.ResultScan scan) {
    Table table = target.table();
    int max = Math.max(1, session.factory().engineOf(target).vendor().maxBindParameters() - MARGIN);
    for (int from = 0; from < keys.size(); from += max) {
      List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + max));
      Select s = Sql.select(table).from(table).where(in(column, chunk));
      Predicate subclass = Polymorphic.filter(target, table); // inheritance: a collection of a subclass
      if (subclass != null) {
        s = s.where(subclass);
      }
      if (!order.isEmpty()) {
        s = s.orderBy(order.toArray(new OrderField[0]));
      }
      QueryRunner.scan(session, target, s, scan);
    }
  }

  @SuppressWarnings("unchecked")
  static Predicate in(Column<?> column, List<Object> keys) {
    Column<Object> c = (Column<Object>) column;
    return keys.size() == 1 ? c.eq(keys.get(0)) : c.in(keys);
  }

  @SuppressWarnings("unchecked")
  static Predicate inQuery(Column<?> column, dev.quarry.sql.Query subquery) {
    return ((Column<Object>) column).in(subquery);
  }

  @SuppressWarnings("unchecked")
  static Predicate eq(Column<?> a, Column<?> b) {
    return ((Column<Object>) a).eq((Column<Object>) b);
  }
}
