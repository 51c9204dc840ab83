package dev.quarry.orm;

import dev.quarry.annotation.FetchType;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.ManagedEntity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one component that plans and runs relationship loading after rows become objects: for each
 * relationship of the level, the strategy from the query's options or the annotation, its loader,
 * then the next level with the related objects. Lazy strategies chosen by an option are
 * remembered on each object, so its first access obeys the option (RAISE, NOLOAD).
 */
final class Loading {
  private Loading() {}

  /**
   * Runs {@code plan} over the entries of the objects a query returned, reading related rows through
   * {@code loader} (the session's, or an untracked query's own); {@code joined[r]} marks
   * relationships the statement itself loaded (JOINED), whose next level still runs here.
   * {@code joined} may be null.
   */
  static void run(EntityLoader loader, LoadPlan plan, List<EntityEntry> entries, boolean[] joined) {
    if (entries.isEmpty() || !plan.needsWork() && joined == null) {
      return;
    }
    EntityMapping<Object> m = plan.mapping;
    for (int r = 0; r < m.relationCount(); r++) {
      FetchType strategy = plan.strategy(r);
      boolean inStatement = joined != null && joined[r];
      if (inStatement || strategy == FetchType.SELECTIN || strategy == FetchType.JOINED) {
        Relationship rel = Relationship.of(m, r);
        List<Object> loaded = inStatement ? List.of() : RelationLoader.of(strategy).loadAll(loader, rel, entries);
        LoadPlan next = plan.next(r);
        if (next.needsWork()) {
          // Options apply to every related object; defaults only to the objects this pass linked
          // (so eager defaults pointing at each other stop once everything is loaded).
          run(loader, next, entriesOf(loader, plan.explicit(r) || inStatement ? related(rel, entries) : loaded), null);
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
    EntityMapping<Object> m = SessionFactory.mapping(o.getClass());
    return loader.find(m.identityType(), m.id(o));
  }

  /** Eager defaults of objects loaded outside a query's options (get by id, lazy loads). */
  static void defaults(SessionImpl session, EntityMapping<Object> mapping, List<Object> objects) {
    if (!objects.isEmpty() && mapping.relationCount() > 0) {
      run(session.loader(), LoadPlan.defaults(mapping), entriesOf(session.loader(), objects), null);
    }
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

  /** First access of relationship {@code r} of a persistent object: its remembered option or its default. */
  static void onAccess(SessionImpl session, EntityEntry e, int r) {
    FetchType strategy = e.relationOverride(r);
    if (strategy == null) {
      strategy = e.mapping.relation(r).fetch();
    }
    RelationLoader.of(strategy).loadOne(session, Relationship.of(e.mapping, r), e);
  }
}
