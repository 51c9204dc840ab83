package dev.quarry.orm.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements one flush sends, in order: per table in foreign-key order its UPDATEs then its
 * INSERTs (SQLAlchemy's order), then DELETEs in reverse table order. Rows of one step share one
 * statement shape and go to the database as one JDBC batch.
 */
final class FlushPlan {
  enum Kind { INSERT, UPDATE, DELETE }

  /**
   * One kind of statement of one entity and the rows it is executed for, in order; {@code columns}
   * are the columns an UPDATE writes (null for INSERT, whose shape each row decides, and DELETE).
   */
  record Step(Kind kind, Persister persister, int[] columns, List<EntityEntry> rows) {}

  final List<Step> steps = new ArrayList<>();
  /** References of new rows in a cycle, inserted as NULL and set by an UPDATE in a second pass. */
  final List<SelfReferences.PostUpdate> postUpdates = new ArrayList<>();

  boolean isEmpty() {
    return steps.isEmpty() && postUpdates.isEmpty();
  }

  int rowCount() {
    int n = 0;
    for (Step s : steps) {
      n += s.rows().size();
    }
    return n;
  }
}
