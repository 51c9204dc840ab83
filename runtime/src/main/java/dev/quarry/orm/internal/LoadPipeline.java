package dev.quarry.orm.internal;

import dev.quarry.annotation.FetchType;
import dev.quarry.engine.CursorReader;
import dev.quarry.orm.EntityState;
import dev.quarry.orm.Load;

import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.ManagedEntity;
import dev.quarry.sql.OrderField;
import dev.quarry.sql.Select;
import dev.quarry.sql.Table;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one loading pipeline: how the rows of an entity statement become objects with their
 * relationships, for queries, {@code get} by id and lazy loads alike.
 *
 * <ol>
 *   <li><b>Plan.</b> Each relationship of the query's entity gets its strategy ({@link LoadPlan}:
 *       the query's options, else the annotation); each strategy says whether its rows come in the
 *       statement itself ({@link LoadStrategy#inStatement}, JOINED), which then gets their
 *       columns, outer joins and collection order ({@link #shape}).
 *   <li><b>Rows.</b> Every row becomes an object through one {@link EntityLoader} (the session's
 *       identity map, or an untracked read's own); with joined relationships the owners are
 *       de-duplicated and their joined objects collected as the rows come ({@link
 *       JoinedLoader.Assembly}).
 *   <li><b>After the rows</b>, level by level: each strategy runs what it runs after them
 *       ({@link LoadStrategy#afterRows}: one IN query for SELECTIN), a lazy strategy chosen by an
 *       option is remembered on each object for its first access, and the next level follows with
 *       the related objects.
 * </ol>
 *
 * <p>Untracked (read-only) reads are an option of this pipeline, not a path of their own: their
 * loader's objects are detached from birth, and objects that need no entry at all — rows of a read
 * that loads nothing, elements of a collection with nothing below them — share one
 * {@link SharedInterceptor}.
 */
final class LoadPipeline {
  /** Beyond this many plan nodes (eager defaults branching deep), no collection is read without entries. */
  private static final int MAX_NODES = 256;

  private final LoadPlan plan;
  private final EntityLoader loader;
  private final EntityLoader.Rows rows;
  /** The relationships the statement itself loads (possibly none). */
  private final JoinedLoader.Joins joins;
  /** Reads the rows when the statement joins relationships; else null. */
  private final JoinedLoader.Assembly assembly;
  /** The interceptor the query's rows share when they need no entries; else null. */
  private final SharedInterceptor shared;
  private final List<EntityEntry> entries = new ArrayList<>();
  private final List<Object> sharedObjects = new ArrayList<>();

  private LoadPipeline(LoadPlan plan, EntityLoader loader, JoinedLoader.Joins joins, SharedInterceptor shared) {
    this.plan = plan;
    this.loader = loader;
    this.rows = loader.rows(plan.mapping);
    this.joins = joins;
    this.assembly = joins.isEmpty() ? null : new JoinedLoader.Assembly(loader, plan.mapping, joins);
    this.shared = shared;
  }

  /**
   * The pipeline of one query that returns a list. {@code limited}: it has a LIMIT or OFFSET (a
   * joined collection would be cut short); {@code rowsRepeat}: its own joins may return an object's
   * row more than once.
   */
  static LoadPipeline forList(SessionState session, EntityMapping<Object> mapping, List<Load> options,
      boolean untracked, boolean limited, boolean rowsRepeat) {
    LoadPlan plan = LoadPlan.of(mapping, options);
    JoinedLoader.Joins joins = new JoinedLoader.Joins(mapping);
    for (int r = 0; r < mapping.relationCount(); r++) {
      if (LoadStrategy.of(plan.strategy(r)).inStatement(plan, r, joins, limited)) {
        joins.add(Relationship.of(mapping, r));
      }
    }
    if (!untracked) {
      return new LoadPipeline(plan, session.loader(), joins, null);
    }
    boolean loadsNothing = mapping.relationCount() == 0 || !plan.needsWork();
    EntityLoader own = EntityLoader.untracked(session, true, loadsNothing ? Map.of() : leaves(plan));
    return new LoadPipeline(plan, own, joins, loadsNothing && !rowsRepeat ? SharedInterceptor.of(mapping, -1) : null);
  }

  /**
   * The reader of a streamed query's rows: one object per row as the stream is consumed, no
   * relationship loaded with them (they load on access); untracked, nothing is kept.
   */
  static CursorReader<Object> forStream(SessionState session, EntityMapping<Object> mapping, boolean untracked,
      boolean rowsRepeat) {
    if (!untracked) {
      return objects(session.loader().rows(mapping));
    }
    EntityLoader.Rows rows = EntityLoader.untracked(session, false, Map.of()).rows(mapping);
    SharedInterceptor shared = rowsRepeat ? null : SharedInterceptor.of(mapping, -1);
    return shared == null ? objects(rows) : (rs, vendor) -> rows.leaf(shared, rs, 1, vendor, -1, null);
  }

  private static CursorReader<Object> objects(EntityLoader.Rows rows) {
    return (rs, vendor) -> {
      EntityEntry e = rows.entry(rs, 1, vendor);
      return e == null ? null : e.entity;
    };
  }

  /** The statement with what the joined strategies add: their tables' columns, outer joins and collection order. */
  Select shape(Select statement, Table root, List<OrderField> order) {
    if (joins.isEmpty()) {
      return order.isEmpty() ? statement : statement.orderBy(order.toArray(new OrderField[0]));
    }
    List<OrderField> sort = new ArrayList<>(order);
    sort.addAll(JoinedLoader.collectionOrder(joins));
    return JoinedLoader.join(statement, root, joins).orderBy(sort.toArray(new OrderField[0]));
  }

  /** The tables whose columns the statement selects after the query entity's own. */
  List<Table> joinedTables() {
    return joins.aliases;
  }

  /**
   * The loop that reads the statement's rows: one method per kind of reader, not one method with a
   * branch per kind. The JIT compiles each loop with its own row code inlined; a shared loop would
   * split one inlining budget among readers that every query but one never uses (untracked lists
   * measured a third slower that way).
   */
  QueryRunner.ResultScan rowLoop() {
    if (assembly != null) {
      return assembly::readAll;
    }
    return shared != null ? this::readShared : this::readEntries;
  }

  private void readShared(ResultSet rs, Vendor vendor) throws SQLException {
    while (rs.next()) {
      sharedObjects.add(rows.leaf(shared, rs, 1, vendor, -1, null));
    }
  }

  private void readEntries(ResultSet rs, Vendor vendor) throws SQLException {
    while (rs.next()) {
      entries.add(rows.entry(rs, 1, vendor));
    }
  }

  /** Loads what the strategies load after the rows and returns the objects in row order (owners once each when joined). */
  List<Object> finish() {
    if (shared != null) {
      return sharedObjects;
    }
    List<EntityEntry> read = assembly != null ? assembly.finish() : entries;
    afterRows(loader, plan, read, assembly != null ? joins.joined : null);
    List<Object> out = new ArrayList<>(read.size());
    for (EntityEntry e : read) {
      out.add(e == null ? null : e.entity);
    }
    return out;
  }

  /**
   * {@code get} by id: the row's object through the session's identity map, with the eager
   * defaults of the row's class (inheritance: a subclass may have relationships of its own).
   */
  static Object byId(SessionState session, EntityMapping<Object> mapping, Object id) {
    EntityLoader.Rows rows = session.loader().rows(mapping);
    EntityEntry e = session.transaction().connectionFor(mapping).query(session.persister(mapping).selectById(id),
        (rs, vendor) -> rs.next() ? rows.entry(rs, 1, vendor) : null);
    if (e == null) {
      return null;
    }
    if (e.mapping.relationCount() > 0) {
      afterRows(session.loader(), LoadPlan.defaults(e.mapping), entriesOf(session.loader(), List.of(e.entity)), null);
    }
    return e.entity;
  }

  /**
   * A cached query's objects from their ids, in order: each from the identity map, else the entity's
   * second-level cache, else one statement for all the rest; then {@code options} (or the defaults)
   * load what they load. Null when a row is gone or no longer matches the class (the caller runs
   * the query instead).
   */
  static List<Object> fromIds(SessionState session, EntityMapping<Object> mapping, List<Load> options, List<Object> ids) {
    EntityLoader loader = session.loader();
    SessionCache cache = session.cache();
    Class<?> identity = mapping.identityType();
    List<Object> missing = new ArrayList<>();
    for (Object id : ids) {
      if (loader.find(identity, id) == null && (cache == null || cache.hydrate(mapping, id) == null)) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      if (mapping.primaryKeyColumns().length == 1) {
        RelatedRows.select(loader, mapping, mapping.table().columns().get(mapping.primaryKeyColumns()[0]), missing,
            List.of(), e -> {});
      } else {
        for (Object id : missing) {
          session.transaction().connectionFor(mapping).query(session.persister(mapping).selectById(id),
              (rs, vendor) -> rs.next() ? loader.rows(mapping).entry(rs, 1, vendor) : null);
        }
      }
    }
    List<EntityEntry> entries = new ArrayList<>(ids.size());
    List<Object> out = new ArrayList<>(ids.size());
    for (Object id : ids) {
      EntityEntry e = loader.find(identity, id);
      if (e == null || e.markedDeleted || e.state != EntityState.PERSISTENT || !mapping.entityType().isInstance(e.entity)) {
        return null;
      }
      entries.add(e);
      out.add(e.entity);
    }
    afterRows(loader, LoadPlan.of(mapping, options), entries, null);
    return out;
  }

  /** The eager defaults of objects a lazy load linked. */
  static void afterLazyLoad(SessionState session, EntityMapping<Object> mapping, List<Object> objects) {
    if (!objects.isEmpty() && mapping.relationCount() > 0) {
      afterRows(session.loader(), LoadPlan.defaults(mapping), entriesOf(session.loader(), objects), null);
    }
  }

  /**
   * Runs {@code plan} over the entries of the objects a statement returned, reading related rows
   * through {@code loader}; {@code joined[r]} marks relationships the statement itself loaded, whose
   * next level still runs here. {@code joined} may be null.
   */
  private static void afterRows(EntityLoader loader, LoadPlan plan, List<EntityEntry> entries, boolean[] joined) {
    if (entries.isEmpty() || !plan.needsWork() && joined == null) {
      return;
    }
    EntityMapping<Object> m = plan.mapping;
    for (int r = 0; r < m.relationCount(); r++) {
      FetchType strategy = plan.strategy(r);
      boolean inStatement = joined != null && joined[r];
      if (inStatement || strategy == FetchType.SELECTIN || strategy == FetchType.JOINED) {
        Relationship rel = Relationship.of(m, r);
        List<Object> loaded = inStatement ? List.of() : LoadStrategy.of(strategy).afterRows(loader, rel, entries);
        LoadPlan next = plan.next(r);
        if (next.needsWork()) {
          // Options apply to every related object; defaults only to the objects this pass linked
          // (so eager defaults pointing at each other stop once everything is loaded).
          afterRows(loader, next, entriesOf(loader, plan.explicit(r) || inStatement ? related(rel, entries) : loaded),
              null);
        }
      } else if (plan.explicit(r)) {
        for (EntityEntry e : entries) {
          if (!e.relationLoaded(r)) {
            e.relationState(r, (byte) (EntityEntry.OVERRIDE + strategy.ordinal()));
          }
        }
      }
    }
  }

  /** The persistent entries of objects the loader read (their objects' own, or the session's). */
  private static List<EntityEntry> entriesOf(EntityLoader loader, List<Object> objects) {
    List<EntityEntry> entries = new ArrayList<>(objects.size());
    IdentityMap map = loader.session().identityMap();
    for (Object o : objects) {
      EntityEntry e = loader.tracking() ? map.entryOf(o)
          : o instanceof ManagedEntity me && me.quarryInterceptor() instanceof EntityEntry own ? own
          : untrackedPlain(loader, o);
      if (e != null && e.state == EntityState.PERSISTENT && e.key != null) {
        entries.add(e);
      }
    }
    return entries;
  }

  /** An untracked object of a class without a generated subclass: its entry is found by key. */
  private static EntityEntry untrackedPlain(EntityLoader loader, Object o) {
    EntityMapping<Object> m = FactoryState.mapping(o.getClass());
    return loader.find(m.identityType(), m.id(o));
  }

  /** The loaded related objects of {@code owners}, collections flattened. */
  private static List<Object> related(Relationship rel, List<EntityEntry> owners) {
    List<Object> out = new ArrayList<>();
    for (EntityEntry o : owners) {
      if (o.relationLoaded(rel.index)) {
        Object v = o.mapping.getRelation(o.entity, rel.index);
        if (v instanceof Collection<?> c) {
          out.addAll(c);
        } else if (v != null) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /**
   * The collections of an untracked read's plan whose elements need no entry, each with their
   * shared interceptor: a one-to-many, loaded eagerly, with nothing to load below it, whose element
   * class (hierarchy) occurs nowhere else in the plan nor as the query's own entity — so no other
   * object of the read can be the same row. Many-to-many elements may be shared by owners and always
   * get entries.
   */
  private static Map<Relationship, SharedInterceptor> leaves(LoadPlan root) {
    Map<Class<?>, Integer> occurrences = new HashMap<>();
    occurrences.put(root.mapping.identityType(), 1);
    List<Relationship> candidates = new ArrayList<>();
    if (!walk(root, occurrences, candidates, new int[] {0})) {
      return Map.of();
    }
    Map<Relationship, SharedInterceptor> leaves = new HashMap<>();
    for (Relationship rel : candidates) {
      if (occurrences.get(rel.target.identityType()) == 1 && rel.toMany() && !rel.manyToMany()) {
        SharedInterceptor shared = SharedInterceptor.of(rel.target, rel.mirror);
        if (shared != null) {
          leaves.put(rel, shared);
        }
      }
    }
    return leaves;
  }

  /** Counts the entity classes the plan loads and collects its collections with nothing below; false when too large. */
  private static boolean walk(LoadPlan plan, Map<Class<?>, Integer> occurrences, List<Relationship> candidates,
      int[] nodes) {
    EntityMapping<Object> m = plan.mapping;
    for (int r = 0; r < m.relationCount(); r++) {
      FetchType strategy = plan.strategy(r);
      if (strategy != FetchType.JOINED && strategy != FetchType.SELECTIN) {
        continue;
      }
      if (++nodes[0] > MAX_NODES) {
        return false;
      }
      Relationship rel = Relationship.of(m, r);
      occurrences.merge(rel.target.identityType(), 1, Integer::sum);
      LoadPlan next = plan.next(r);
      if (next.needsWork()) {
        if (!walk(next, occurrences, candidates, nodes)) {
          return false;
        }
      } else {
        candidates.add(rel);
      }
    }
    return true;
  }
}
