package dev.quarry.orm;

import java.util.List;

/**
 * One loading strategy ({@code LazyLoader}, {@code SelectInLoader}, {@code JoinedLoader},
 * {@code NoLoadLoader}, {@code RaiseLoader}, {@code DynamicLoader}). {@link Loading} picks the
 * loader of each relationship from the query's options or the annotation's default.
 */
interface RelationLoader {
  /**
   * Loads {@code rel} for the objects a query returned (those whose relationship is not loaded yet)
   * and returns the related objects newly linked, for the next level of options. The related rows are
   * read through {@code loader}: the session's, or an untracked query's own.
   */
  List<Object> loadAll(EntityLoader loader, Relationship rel, List<EntityEntry> owners);

  /** First access of {@code rel} on one persistent object that has not loaded it. */
  void loadOne(SessionImpl session, Relationship rel, EntityEntry owner);

  /** The loader of a strategy. */
  static RelationLoader of(dev.quarry.annotation.FetchType strategy) {
    return switch (strategy) {
      case LAZY -> LazyLoader.INSTANCE;
      case JOINED -> JoinedLoader.INSTANCE;
      case SELECTIN -> SelectInLoader.INSTANCE;
      case DYNAMIC -> DynamicLoader.INSTANCE;
      case NOLOAD -> NoLoadLoader.INSTANCE;
      case RAISE -> RaiseLoader.INSTANCE;
    };
  }
}
