package dev.quarry.orm;

import dev.quarry.annotation.FetchType;
import dev.quarry.spi.EntityInterceptor;
import dev.quarry.spi.EntityMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interceptor shared by the elements of one collection of an untracked query when they need no
 * entry of their own: the query loads nothing below them, and no other object of the query can be
 * the same row, so they need neither an identity lookup nor per-object loaded state — every one of
 * them has exactly its back-reference to the owner loaded. Reading a 1,000-element collection then
 * costs the objects alone, not an entry, key and identity slot each (about 40 % of an untracked
 * JOINED graph's time).
 *
 * <p>The rows of an untracked query that loads no relationship and cannot repeat a row share one
 * the same way ({@link #forRows}): a read-only list page costs its objects and nothing more.
 *
 * <p>Such an object answers as any detached object: columns read freely, the back-reference (for
 * an element) is its owner, NOLOAD and RAISE relationships answer as their strategy says, and any
 * other relationship throws {@link DetachedInstanceException}; {@code add} refuses it and
 * {@code merge} copies it.
 */
final class UntrackedLeaf implements EntityInterceptor {
  /** Beyond this many plan nodes (eager defaults branching deep), no collection is read as leaves. */
  private static final int MAX_NODES = 256;

  final EntityMapping<Object> mapping;
  private final int columns;
  /** The loaded relationship: an element's back-reference to its owner, an owner's collection, or -1. */
  private final int loaded;

  private UntrackedLeaf(EntityMapping<Object> mapping, int loaded) {
    this.mapping = mapping;
    this.columns = mapping.table().columns().size();
    this.loaded = loaded;
  }

  /**
   * The interceptor shared by the rows of an untracked query that loads no relationship, when they
   * need no entries (their class qualifies as for {@link #of}); else null. The caller makes sure no
   * row can come twice (no join that repeats it) and that no per-query option applies.
   */
  static UntrackedLeaf forRows(EntityMapping<Object> mapping) {
    return qualifies(mapping, -1) ? new UntrackedLeaf(mapping, -1) : null;
  }

  /**
   * The interceptor shared by the owners an untracked query reads with their collection
   * {@code collection} and nothing else ({@link OwnersAndLeaves}), when their class qualifies as for
   * {@link #forRows}; else null.
   */
  static UntrackedLeaf forOwners(EntityMapping<Object> mapping, int collection) {
    return qualifies(mapping, collection) ? new UntrackedLeaf(mapping, collection) : null;
  }

  /**
   * The collections of a query's load plan whose elements can be leaves, each with its interceptor:
   * a one-to-many into a generated subclass, loaded eagerly, with nothing to load below it, whose
   * element class (hierarchy) occurs nowhere else in the plan nor as the query's own entity — so no
   * other object of the query can be the same row. Many-to-many elements may be shared by owners and
   * are never leaves; neither are elements with a NOLOAD reference, whose null must be remembered
   * per object, nor elements of an inheritance hierarchy (each row's class has its own properties).
   */
  static Map<Relationship, UntrackedLeaf> of(LoadPlan root) {
    Map<Class<?>, Integer> occurrences = new HashMap<>();
    occurrences.put(root.mapping.identityType(), 1);
    List<Relationship> candidates = new ArrayList<>();
    if (!walk(root, occurrences, candidates, new int[] {0})) {
      return Map.of();
    }
    Map<Relationship, UntrackedLeaf> leaves = new HashMap<>();
    for (Relationship rel : candidates) {
      if (occurrences.get(rel.target.identityType()) == 1 && rel.toMany() && !rel.manyToMany()
          && qualifies(rel.target, rel.mirror)) {
        leaves.put(rel, new UntrackedLeaf(rel.target, rel.mirror));
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

  /** A generated subclass outside any inheritance hierarchy, with no NOLOAD reference but {@code loaded}. */
  private static boolean qualifies(EntityMapping<Object> mapping, int loaded) {
    if (!mapping.supportsInterception() || mapping.polymorphism() != null) {
      return false;
    }
    for (int r = 0; r < mapping.relationCount(); r++) {
      dev.quarry.spi.RelationInfo info = mapping.relation(r);
      if (info.fetch() == FetchType.NOLOAD && !info.toMany() && r != loaded) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void beforeRead(Object entity, int property) {
    int r = property - columns;
    if (r < 0 || r == loaded) {
      return;
    }
    FetchType strategy = mapping.relation(r).fetch();
    Relationship rel = Relationship.of(mapping, r);
    if (strategy == FetchType.NOLOAD) {
      if (mapping.getRelation(entity, r) == null) {
        mapping.setRelation(entity, r, rel.toMany() ? rel.newCollection() : null);
      }
      return;
    }
    if (strategy == FetchType.RAISE) {
      RaiseLoader.INSTANCE.refuse(rel, mapping.id(entity));
    }
    throw new DetachedInstanceException(mapping.entityName(), mapping.id(entity),
        "loading relationship " + rel.info.name());
  }

  @Override
  public void afterWrite(Object entity, int property) {
    // never flushed: nothing to record
  }
}
