package dev.quarry.orm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one flush (or bulk statement) wrote: the ids inserted, updated and deleted per table, and
 * tables changed by bulk statements whose rows are unknown. This is the one place the session
 * reports what it touched (the second-level and query caches and listeners invalidate from it).
 *
 * @param inserted ids inserted, by table name
 * @param updated ids updated, by table name
 * @param deleted ids deleted, by table name
 * @param bulkTables tables changed by bulk UPDATE/DELETE statements
 */
public record FlushChanges(Map<String, List<Object>> inserted, Map<String, List<Object>> updated,
    Map<String, List<Object>> deleted, Set<String> bulkTables) {
  public FlushChanges {
    inserted = Map.copyOf(inserted);
    updated = Map.copyOf(updated);
    deleted = Map.copyOf(deleted);
    bulkTables = Set.copyOf(bulkTables);
  }

  /** Whether nothing was written. */
  public boolean isEmpty() {
    return inserted.isEmpty() && updated.isEmpty() && deleted.isEmpty() && bulkTables.isEmpty();
  }

  /** Every table written. */
  public Set<String> tables() {
    java.util.Set<String> all = new java.util.TreeSet<>(inserted.keySet());
    all.addAll(updated.keySet());
    all.addAll(deleted.keySet());
    all.addAll(bulkTables);
    return all;
  }
}
