package dev.quarry.processor.migrate;

import dev.quarry.processor.Diagnostics;
import dev.quarry.processor.Errors;
import dev.quarry.processor.migrate.RevisionModel.Ref;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The checks that span revisions: unique ids and branch labels, {@code revises} and {@code dependsOn}
 * naming revisions of the compilation, no cycle; and the order the generated list gives them
 * (parents first, then by id), so that the output does not depend on the order javac reads sources.
 */
final class RevisionGraph {
  private RevisionGraph() {}

  /**
   * Checks {@code revisions} (sorted by class name, so that a duplicate is reported on the same class
   * every time) and returns them parents first, or an empty list after reporting errors.
   */
  static List<RevisionModel> check(List<RevisionModel> revisions, Diagnostics diagnostics) {
    int errors = diagnostics.errorCount();
    Map<String, RevisionModel> byId = new LinkedHashMap<>();
    for (RevisionModel r : revisions) {
      RevisionModel other = byId.putIfAbsent(r.idText(), r);
      if (other != null) {
        diagnostics.error(r.element(), r.mirror(), r.id().value(),
            Errors.revisionDuplicateId(r.idText(), other.type().canonicalName()));
      }
    }
    Map<String, RevisionModel> labels = new TreeMap<>();
    for (RevisionModel r : revisions) {
      for (Ref label : r.branchLabels()) {
        RevisionModel other = labels.putIfAbsent(label.text(), r);
        if (other != null && other != r) {
          diagnostics.error(r.element(), r.mirror(), label.value(),
              Errors.revisionDuplicateLabel(label.text(), other.idText(), other.type().canonicalName()));
        }
      }
    }
    Set<String> known = new TreeSet<>(byId.keySet());
    for (RevisionModel r : revisions) {
      for (Ref parent : r.revises()) {
        if (!known.contains(parent.text())) {
          diagnostics.error(r.element(), r.mirror(), parent.value(),
              Errors.revisionUnknownParent(r.idText(), parent.text(), known));
        }
      }
      for (Ref dependency : r.dependsOn()) {
        if (!known.contains(dependency.text()) && !labels.containsKey(dependency.text())) {
          diagnostics.error(r.element(), r.mirror(), dependency.value(),
              Errors.revisionUnknownDependency(r.idText(), dependency.text(), known, labels.keySet()));
        }
      }
    }
    if (diagnostics.errorCount() > errors) {
      return List.of();
    }
    reportCycles(byId, diagnostics);
    if (diagnostics.errorCount() > errors) {
      return List.of();
    }
    return parentsFirst(byId);
  }

  /** The ids a revision must come after: its parents and the revisions it depends on (labels are no edges). */
  private static List<String> after(RevisionModel r, Map<String, RevisionModel> byId) {
    List<String> ids = new ArrayList<>(RevisionModel.texts(r.revises()));
    for (Ref d : r.dependsOn()) {
      if (byId.containsKey(d.text()) && !ids.contains(d.text())) {
        ids.add(d.text());
      }
    }
    return ids;
  }

  /** Depth-first search; each cycle is reported once, on its revision with the smallest id. */
  private static void reportCycles(Map<String, RevisionModel> byId, Diagnostics diagnostics) {
    Map<String, Integer> state = new HashMap<>(); // absent: new, 1: on the path, 2: done
    Set<String> reported = new HashSet<>();
    for (String start : new TreeSet<>(byId.keySet())) {
      visit(start, byId, state, new ArrayList<>(), reported, diagnostics);
    }
  }

  private static void visit(String id, Map<String, RevisionModel> byId, Map<String, Integer> state,
      List<String> path, Set<String> reported, Diagnostics diagnostics) {
    Integer s = state.get(id);
    if (s != null && s == 2) {
      return;
    }
    if (s != null) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      String first = cycle.stream().min(Comparator.naturalOrder()).orElseThrow();
      if (reported.addAll(cycle)) {
        java.util.Collections.rotate(cycle, -cycle.indexOf(first));
        cycle.add(first);
        RevisionModel r = byId.get(first);
        diagnostics.error(r.element(), r.mirror(), Errors.revisionCycle(String.join(" -> ", cycle)));
      }
      return;
    }
    state.put(id, 1);
    path.add(id);
    for (String next : after(byId.get(id), byId)) {
      visit(next, byId, state, path, reported, diagnostics);
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
  }

  /** Kahn's algorithm, ties broken by id. */
  private static List<RevisionModel> parentsFirst(Map<String, RevisionModel> byId) {
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    for (RevisionModel r : byId.values()) {
      List<String> before = after(r, byId);
      waiting.put(r.idText(), before.size());
      for (String p : before) {
        children.computeIfAbsent(p, k -> new ArrayList<>()).add(r.idText());
      }
    }
    PriorityQueue<String> ready = new PriorityQueue<>();
    waiting.forEach((id, n) -> {
      if (n == 0) {
        ready.add(id);
      }
    });
    List<RevisionModel> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.add(byId.get(id));
      for (String c : children.getOrDefault(id, List.of())) {
        if (waiting.merge(c, -1, Integer::sum) == 0) {
          ready.add(c);
        }
      }
    }
    return order;
  }
}
