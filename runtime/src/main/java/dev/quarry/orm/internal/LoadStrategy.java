package dev.quarry.orm.internal;

import dev.quarry.annotation.FetchType;
import java.util.List;

/**
 * One relationship loading strategy (SQLAlchemy's {@code lazy="select"}, {@code "joined"},
 * {@code "selectin"}, {@code "dynamic"}, {@code "noload"}, {@code "raise"}), one class each:
 * what it adds to a query's own statement, what it runs after the query's rows, and what the first
 * access of a relationship it left unloaded does. {@link LoadPipeline} asks the strategy of every
 * relationship of every level, chosen by the query's options or the annotation.
 */
interface LoadStrategy {
  /**
   * Whether the rows of relationship {@code r} of {@code plan}'s entity come in the query's own
   * statement, whose joins so far are {@code statement}; {@code limited}: the query has a LIMIT or
   * OFFSET. Only JOINED says yes.
   */
  default boolean inStatement(LoadPlan plan, int r, JoinedLoader.Joins statement, boolean limited) {
    return false;
  }

  /**
   * After the query's rows: loads {@code rel} for the objects a query returned (those whose
   * relationship is not loaded yet) and returns the related objects newly linked, for the next level
   * of options. The related rows are read through {@code loader}: the session's, or an untracked
   * query's own.
   */
  List<Object> afterRows(EntityLoader loader, Relationship rel, List<EntityEntry> owners);

  /** First access of {@code rel} on one persistent object that has not loaded it. */
  void onAccess(SessionState session, Relationship rel, EntityEntry owner);

  /** The strategy class of a fetch type. */
  static LoadStrategy of(FetchType strategy) {
    return switch (strategy) {
      case LAZY -> LazyLoader.INSTANCE;
      case JOINED -> JoinedLoader.INSTANCE;
      case SELECTIN -> SelectInLoader.INSTANCE;
      case DYNAMIC -> DynamicLoader.INSTANCE;
      case NOLOAD -> NoLoadLoader.INSTANCE;
      case RAISE -> RaiseLoader.INSTANCE;
    };
  }

  /** First access of relationship {@code r} of a persistent object: the option its query chose, or its default. */
  static void accessed(SessionState session, EntityEntry e, int r) {
    FetchType strategy = e.relationOverride(r);
    if (strategy == null) {
      strategy = e.mapping.relation(r).fetch();
    }
    if (!session.factory().implicitLoads() && strategy != FetchType.NOLOAD && strategy != FetchType.RAISE) {
      Relationship rel = Relationship.of(e.mapping, r);
      String q = "Q" + rel.owner.entityType().getSimpleName();
      String path = q + "." + Character.toLowerCase(q.charAt(1)) + q.substring(2) + "." + rel.info.name();
      throw new dev.quarry.orm.RaiseLoadException(rel.owner.entityName(), e.key.id(), rel.info.name(),
          strategy + " (not on access: this session never loads implicitly)",
          "Load it explicitly first: session.load(object, " + path + "), or with its query: .options(Load.selectIn("
              + path + ")).");
    }
    of(strategy).onAccess(session, Relationship.of(e.mapping, r), e);
  }

  /** {@code Session.load}: loads relationship {@code r} of a persistent object now, whatever its strategy; no-op when loaded. */
  static void loadNow(SessionState session, EntityEntry e, int r) {
    if (!e.relationLoaded(r)) {
      LazyLoader.INSTANCE.onAccess(session, Relationship.of(e.mapping, r), e);
    }
  }
}
