package dev.quarry.orm;

import dev.quarry.annotation.FetchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A loader option of a query (SQLAlchemy's {@code selectinload}, {@code joinedload}, ...): the
 * strategy for one relationship path, overriding the annotation's default, with options for the
 * next level nested under it. Immutable, so an option tree can be kept in a constant and reused
 * by many queries, as SQLAlchemy's loader options are:
 *
 * <pre>{@code
 * static final Load ORDERS_WITH_ITEMS = Load.selectIn(QUser.user.orders).then(Load.selectIn(QOrder.order.items));
 * session.select(QUser.user).options(ORDERS_WITH_ITEMS).list();
 * }</pre>
 */
public final class Load {
  private final RelationPath<?, ?> path;
  private final FetchType strategy;
  private final List<Load> nested;

  private Load(RelationPath<?, ?> path, FetchType strategy, List<Load> nested) {
    this.path = Objects.requireNonNull(path, "path");
    this.strategy = strategy;
    this.nested = nested;
  }

  /** Load on first access with its own SELECT. */
  public static Load lazy(RelationPath<?, ?> path) {
    return new Load(path, FetchType.LAZY, List.of());
  }

  /** Load in the query's own statement through a LEFT OUTER JOIN. */
  public static Load joined(RelationPath<?, ?> path) {
    return new Load(path, FetchType.JOINED, List.of());
  }

  /** Load for all objects of the query at once: one {@code IN} query per level. */
  public static Load selectIn(RelationPath<?, ?> path) {
    return new Load(path, FetchType.SELECTIN, List.of());
  }

  /** Never load: an empty collection or null reference unless set in memory. */
  public static Load noLoad(RelationPath<?, ?> path) {
    return new Load(path, FetchType.NOLOAD, List.of());
  }

  /** Access throws {@link RaiseLoadException} instead of loading (find N+1 patterns in tests). */
  public static Load raise(RelationPath<?, ?> path) {
    return new Load(path, FetchType.RAISE, List.of());
  }

  /**
   * Options for the relationships of the related objects, e.g.
   * {@code selectIn(QUser.user.orders).then(selectIn(QOrder.order.items))}.
   *
   * @throws IllegalArgumentException when a nested path does not start at this path's target
   */
  public Load then(Load... next) {
    List<Load> all = new ArrayList<>(nested);
    for (Load l : next) {
      if (l.path.source() != path.target()) {
        throw new IllegalArgumentException("cannot nest " + l.path + " under " + path + ": it must be a "
            + "relationship of " + path.target().getSimpleName());
      }
      all.add(l);
    }
    return new Load(path, strategy, List.copyOf(all));
  }

  /** The relationship this option applies to. */
  public RelationPath<?, ?> path() {
    return path;
  }

  /** The strategy. */
  public FetchType strategy() {
    return strategy;
  }

  /** Options for the next level. */
  public List<Load> nested() {
    return nested;
  }

  @Override
  public String toString() {
    return strategy.name().toLowerCase(java.util.Locale.ROOT) + "(" + path + ")"
        + (nested.isEmpty() ? "" : ".then" + nested);
  }
}
