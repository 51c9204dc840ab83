package dev.quarry.orm.internal;

import dev.quarry.spi.EntityMapping;
import dev.quarry.sql.ForeignKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sorts mappings so that a table comes after every table its foreign keys reference (parents
 * first). Ties keep the given order; a cycle between tables is broken at the first mapping
 * still waiting (rows of such cycles need a post-update, which relationships will add).
 */
final class TableOrder {
  private TableOrder() {}

  static List<EntityMapping<?>> parentsFirst(List<EntityMapping<?>> mappings) {
    // several mappings share a table in single-table inheritance: a child waits for all of them
    Map<String, List<EntityMapping<?>>> byTable = new HashMap<>();
    for (EntityMapping<?> m : mappings) {
      byTable.computeIfAbsent(m.table().qualifiedName(), k -> new ArrayList<>()).add(m);
    }
    Map<EntityMapping<?>, Set<EntityMapping<?>>> dependsOn = new LinkedHashMap<>();
    for (EntityMapping<?> m : mappings) {
      Set<EntityMapping<?>> parents = new LinkedHashSet<>();
      for (ForeignKey fk : m.table().foreignKeys()) {
        String target = fk.targetSchema() == null ? fk.targetTable() : fk.targetSchema() + "." + fk.targetTable();
        if (target.equals(m.table().qualifiedName())) {
          continue; // a reference within the table: ordered row by row (SelfReferences), not by mapping
        }
        for (EntityMapping<?> parent : byTable.getOrDefault(target, List.of())) {
          if (parent != m) {
            parents.add(parent);
          }
        }
      }
      dependsOn.put(m, parents);
    }
    List<EntityMapping<?>> sorted = new ArrayList<>(mappings.size());
    Set<EntityMapping<?>> done = new LinkedHashSet<>();
    while (sorted.size() < mappings.size()) {
      boolean progressed = false;
      for (EntityMapping<?> m : mappings) {
        if (!done.contains(m) && done.containsAll(dependsOn.get(m))) {
          done.add(m);
          sorted.add(m);
          progressed = true;
        }
      }
      if (!progressed) {
        for (EntityMapping<?> m : mappings) {
          if (!done.contains(m)) {
            done.add(m);
            sorted.add(m);
            break;
          }
        }
      }
    }
    return sorted;
  }

  /** The foreign keys of a mapping's table that reference the table itself. */
  static List<ForeignKey> selfReferences(EntityMapping<?> m) {
    List<ForeignKey> self = new ArrayList<>();
    for (ForeignKey fk : m.table().foreignKeys()) {
      boolean sameSchema = fk.targetSchema() == null ? m.table().schema() == null
          : fk.targetSchema().equals(m.table().schema());
      if (sameSchema && fk.targetTable().equals(m.table().name())) {
        self.add(fk);
      }
    }
    return self;
  }
}
