package dev.quarry.orm.internal;

import dev.quarry.annotation.FetchType;
import dev.quarry.orm.Load;
import dev.quarry.orm.RelationPath;
import dev.quarry.spi.EntityMapping;
import java.util.List;

/**
 * The loading strategy of every relationship of one entity at one level of a query: the options
 * given for this level, or the annotation's default. {@link #next} gives the plan of the level below.
 */
final class LoadPlan {
  final EntityMapping<Object> mapping;
  private final FetchType[] strategies;
  /** Whether the strategy came from an option (then lazy strategies are remembered per object). */
  private final boolean[] explicit;
  private final List<Load>[] nested;
  /** Depth below the query's entity; eager defaults stop at {@link #MAX_DEPTH} (cycles of eager defaults). */
  private final int depth;

  static final int MAX_DEPTH = 16;

  @SuppressWarnings("unchecked")
  private LoadPlan(EntityMapping<Object> mapping, List<Load> options, int depth) {
    this.mapping = mapping;
    this.depth = depth;
    int n = mapping.relationCount();
    strategies = new FetchType[n];
    explicit = new boolean[n];
    nested = new List[n];
    for (int r = 0; r < n; r++) {
      FetchType d = mapping.relation(r).fetch();
      strategies[r] = depth >= MAX_DEPTH && (d == FetchType.JOINED || d == FetchType.SELECTIN) ? FetchType.LAZY : d;
      nested[r] = List.of();
    }
    for (Load l : options) {
      RelationPath<?, ?> p = l.path();
      if (!p.source().isAssignableFrom(mapping.entityType())) {
        throw new IllegalArgumentException("loader option " + l + " does not apply to a query of "
            + mapping.entityName() + "; nest it with then(...) under the relationship that leads to "
            + p.source().getSimpleName());
      }
      strategies[p.index()] = l.strategy();
      explicit[p.index()] = true;
      nested[p.index()] = l.nested();
    }
  }

  /** The plan of a query's entity with its options. */
  static LoadPlan of(EntityMapping<Object> mapping, List<Load> options) {
    return new LoadPlan(mapping, options, 0);
  }

  /** Defaults only (objects loaded by id, lazy loads). */
  static LoadPlan defaults(EntityMapping<Object> mapping) {
    return new LoadPlan(mapping, List.of(), 0);
  }

  FetchType strategy(int r) {
    return strategies[r];
  }

  boolean explicit(int r) {
    return explicit[r];
  }

  /** The plan of relationship {@code r}'s target objects. */
  LoadPlan next(int r) {
    return new LoadPlan(Relationship.of(mapping, r).target, nested[r], depth + 1);
  }

  /** Whether anything runs after the rows are read (eager strategies or remembered options). */
  boolean needsWork() {
    for (int r = 0; r < strategies.length; r++) {
      if (explicit[r] || strategies[r] == FetchType.SELECTIN || strategies[r] == FetchType.JOINED) {
        return true;
      }
    }
    return false;
  }
}
