package dev.quarry.orm.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lazy and select-in loads of a {@code @Cached} collection: owners whose element ids are cached get
 * their collection from those ids — each element from the identity map, else its entity's cache,
 * else one statement by id for all of them — and the rest load from the database as usual, their
 * element ids then cached. A cached id whose row is gone (deleted meanwhile by something the cache
 * did not see) drops that owner's entry and loads it from the database instead.
 */
final class CachedCollections {
  private CachedCollections() {}

  static List<Object> load(EntityLoader loader, Relationship rel, List<EntityEntry> owners, SessionCache cache) {
    SessionState session = loader.session();
    List<EntityEntry> rest = new ArrayList<>();
    Map<EntityEntry, List<Object>> hits = new IdentityHashMap<>();
    for (EntityEntry o : owners) {
      List<Object> ids = cache.collection(rel, o.key.id());
      if (ids == null) {
        rest.add(o);
      } else {
        hits.put(o, ids);
      }
    }
    List<Object> linked = new ArrayList<>();
    if (!hits.isEmpty()) {
      resolve(loader, rel, hits.values(), cache);
      Relationship mirror = rel.mirror >= 0 && !rel.manyToMany() ? Relationship.of(rel.target, rel.mirror) : null;
      for (EntityEntry o : owners) {
        List<Object> ids = hits.get(o);
        if (ids == null) {
          continue;
        }
        List<EntityEntry> elements = elements(loader, rel, ids);
        if (elements == null) {
          cache.dropCollection(rel, o.key.id());
          rest.add(o);
          continue;
        }
        Collection<Object> c = rel.newCollection();
        for (EntityEntry child : elements) {
          c.add(child.entity);
          linked.add(child.entity);
          if (mirror != null && !child.relationLoaded(rel.mirror)) {
            RelatedRows.link(session, mirror, child, o.entity);
          }
        }
        RelatedRows.link(session, rel, o, c);
      }
    }
    if (!rest.isEmpty()) {
      linked.addAll(rel.manyToMany() ? RelatedRows.manyToMany(loader, rel, rest) : RelatedRows.inverse(loader, rel, rest));
      if (session.flusher().autoflushes()) { // else memory may differ from the rows: cache only what was read
        for (EntityEntry o : rest) {
          Object value = o.mapping.getRelation(o.entity, rel.index);
          if (value instanceof Collection<?> c) {
            cache.loadedCollection(rel, o.key.id(), c);
          }
        }
      }
    }
    return linked;
  }

  /** Makes every cached element the session does not hold yet an object of it: from its cache, else one statement. */
  private static void resolve(EntityLoader loader, Relationship rel, Collection<List<Object>> idLists, SessionCache cache) {
    Class<?> identity = rel.target.identityType();
    Set<Object> missing = new LinkedHashSet<>();
    for (List<Object> ids : idLists) {
      for (Object id : ids) {
        if (loader.find(identity, id) == null && cache.hydrate(rel.target, id) == null) {
          missing.add(id);
        }
      }
    }
    if (!missing.isEmpty()) {
      RelatedRows.select(loader, rel.target, rel.target.table().columns().get(rel.target.primaryKeyColumns()[0]),
          new ArrayList<>(missing), List.of(), e -> {});
    }
  }

  /** The entries of {@code ids}, in order; null when one of them is gone or not of the collection's class. */
  private static List<EntityEntry> elements(EntityLoader loader, Relationship rel, List<Object> ids) {
    List<EntityEntry> out = new ArrayList<>(ids.size());
    for (Object id : ids) {
      EntityEntry e = loader.find(rel.target.identityType(), id);
      if (e == null || e.markedDeleted || !rel.target.entityType().isInstance(e.entity)) {
        return null;
      }
      out.add(e);
    }
    return out;
  }
}
