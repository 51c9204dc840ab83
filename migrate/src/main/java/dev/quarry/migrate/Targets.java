package dev.quarry.migrate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves targets ({@code head}, {@code heads}, {@code base}, ids and prefixes, {@code label@head},
 * {@code label@base}, {@code +2}, {@code -1}, {@code ae10+1}) against a graph and the heads a
 * database is at, and plans the steps of an upgrade or a downgrade.
 */
final class Targets {
  private static final Pattern RELATIVE = Pattern.compile("([+-])(\\d+)");
  private static final Pattern FROM_REVISION = Pattern.compile("(.+?)([+-])(\\d+)");

  private final Revisions graph;

  Targets(Revisions graph) {
    this.graph = graph;
  }

  /**
   * The revisions a target names: an upgrade applies them and everything they need; a downgrade
   * keeps them. {@code current} is the database's heads; {@code currentKnown} false when there is
   * no database (then {@code current} as a target is an error).
   */
  Set<String> resolve(String target, List<String> current, boolean currentKnown) {
    String t = target.strip();
    switch (t) {
      case "heads":
        return ids(graph.heads());
      case "head":
        return Set.of(singleHead());
      case "base":
        return Set.of();
      case "current":
        if (!currentKnown) {
          throw new MigrationException("target 'current' needs a database; name a revision instead");
        }
        return new LinkedHashSet<>(current);
      default:
        break;
    }
    Matcher relative = RELATIVE.matcher(t);
    if (relative.matches()) {
      return step(single(current, t), relative.group(1), Integer.parseInt(relative.group(2)), t);
    }
    int at = t.indexOf('@');
    if (at >= 0) {
      return resolveInBranch(t.substring(0, at), t.substring(at + 1), current, t);
    }
    Matcher fromRevision = FROM_REVISION.matcher(t);
    if (fromRevision.matches()) {
      String start = one(resolve(fromRevision.group(1), current, currentKnown), t);
      return step(start, fromRevision.group(2), Integer.parseInt(fromRevision.group(3)), t);
    }
    if (graph.labelOwner(t) != null) {
      return Set.of(branchHead(t));
    }
    try {
      return Set.of(graph.get(t).id());
    } catch (MigrationException e) {
      throw new MigrationException(e.getMessage() + ". A target is a revision id (or a unique prefix of one), head,"
          + " heads, base, label@head, or a relative step such as +1 or -1", e);
    }
  }

  /** The lower end of a history range: {@code -3} is the third revision back, {@code label@base} the branch's first. */
  Set<String> resolveLower(String from, List<String> current, boolean currentKnown) {
    String t = from.strip();
    Matcher relative = RELATIVE.matcher(t);
    if (relative.matches() && t.startsWith("-")) {
      List<String> walked = walkBack(single(current, t), Integer.parseInt(relative.group(2)), t);
      return Set.of(walked.get(walked.size() - 1));
    }
    if (t.endsWith("@base")) {
      return Set.of(labelled(t.substring(0, t.length() - "@base".length())));
    }
    return resolve(t, current, currentKnown);
  }

  private Set<String> resolveInBranch(String label, String rest, List<String> current, String target) {
    String root = labelled(label);
    if (rest.equals("head")) {
      return Set.of(branchHead(label));
    }
    if (rest.equals("base")) {
      return Set.of();
    }
    Set<String> branch = graph.branchFrom(root);
    Matcher relative = RELATIVE.matcher(rest);
    if (relative.matches()) {
      List<String> onBranch = current.stream().filter(branch::contains).toList();
      String start = onBranch.isEmpty() && relative.group(1).equals("+") ? null : single(onBranch, target);
      if (start == null) {
        // not applied yet: +1 is the branch's first revision
        int n = Integer.parseInt(relative.group(2));
        return n == 1 ? Set.of(root) : step(root, "+", n - 1, target);
      }
      return step(start, relative.group(1), Integer.parseInt(relative.group(2)), target);
    }
    String id = graph.get(rest).id();
    if (!branch.contains(id)) {
      throw new MigrationException("revision " + id + " is not on branch '" + label + "' (which starts at " + root + ")");
    }
    return Set.of(id);
  }

  /** Whether going from {@code start} to {@code to} undoes revisions (for an offline range). */
  boolean isDowngrade(String to, List<String> start) {
    if (start.isEmpty()) {
      return false;
    }
    String t = to.strip();
    if (t.equals("base") || t.endsWith("@base") || t.startsWith("-") || FROM_REVISION.matcher(t).matches()
        && t.contains("-")) {
      return true;
    }
    Set<String> applied = graph.closure(start);
    Set<String> wanted = graph.closure(resolve(t, start, true));
    return applied.containsAll(wanted) && !wanted.containsAll(applied);
  }

  /** The upgrades that take a database at {@code start} to {@code target}, oldest first. */
  List<Step> upgradeSteps(String target, List<String> start) {
    Set<String> applied = graph.closure(start);
    Set<String> wanted = graph.closure(resolve(target, start, true));
    List<Step> steps = new ArrayList<>();
    for (String id : graph.oldestFirst(wanted)) {
      if (!applied.contains(id)) {
        List<String> before = graph.headsOf(applied);
        applied.add(id);
        steps.add(new Step(graph.revision(id), true, before, graph.headsOf(applied)));
      }
    }
    return steps;
  }

  /** The downgrades that take a database at {@code start} to {@code target}, newest first. */
  List<Step> downgradeSteps(String target, List<String> start) {
    Set<String> applied = graph.closure(start);
    Set<String> undo = undo(target.strip(), start, applied);
    List<Step> steps = new ArrayList<>();
    for (String id : graph.newestFirst(undo)) {
      List<String> before = graph.headsOf(applied);
      applied.remove(id);
      steps.add(new Step(graph.revision(id), false, before, graph.headsOf(applied)));
    }
    return steps;
  }

  /** What a downgrade undoes: what descends from the target, never what the revisions kept need. */
  private Set<String> undo(String target, List<String> start, Set<String> applied) {
    Set<String> undo = new LinkedHashSet<>();
    Matcher relative = RELATIVE.matcher(target);
    Matcher fromRevision = FROM_REVISION.matcher(target);
    int at = target.indexOf('@');
    if (target.equals("base")) {
      undo.addAll(applied);
    } else if (relative.matches() && target.startsWith("-")) {
      undo.addAll(walkBack(single(start, target), Integer.parseInt(relative.group(2)), target));
    } else if (at >= 0 && target.substring(at + 1).equals("base")) {
      String root = labelled(target.substring(0, at));
      undo.add(root);
      undo.addAll(graph.descendants(root));
    } else if (at >= 0 && target.substring(at + 1).startsWith("-")) {
      String root = labelled(target.substring(0, at));
      Set<String> branch = graph.branchFrom(root);
      List<String> onBranch = start.stream().filter(branch::contains).toList();
      undo.addAll(walkBack(single(onBranch, target), Integer.parseInt(target.substring(at + 2)), target));
    } else if (at < 0 && fromRevision.matches() && fromRevision.group(2).equals("-")) {
      String from = one(resolve(fromRevision.group(1), start, true), target);
      List<String> walked = walkBack(from, Integer.parseInt(fromRevision.group(3)), target);
      undo.addAll(graph.descendants(from));
      undo.addAll(walked);
    } else {
      Set<String> keep = resolve(target, start, true);
      for (String k : keep) {
        if (!applied.contains(k)) {
          throw new MigrationException("cannot downgrade to " + k + ": it is not applied; the database is at "
              + (start.isEmpty() ? "base" : start));
        }
        undo.addAll(graph.descendants(k));
      }
      undo.removeAll(graph.closure(keep));
    }
    undo.retainAll(applied);
    // what depends on an undone revision goes too
    boolean grew = true;
    while (grew) {
      grew = false;
      for (String id : applied) {
        if (!undo.contains(id) && (graph.revision(id).revises().stream().anyMatch(undo::contains)
            || graph.dependenciesOf(id).stream().anyMatch(undo::contains))) {
          undo.add(id);
          grew = true;
        }
      }
    }
    return undo;
  }

  /** The version table rows after stamping these targets. */
  List<String> stampHeads(List<String> targets, List<String> current) {
    Set<String> all = new LinkedHashSet<>();
    for (String t : targets) {
      all.addAll(resolve(t, current, true));
    }
    return graph.headsOf(graph.closure(all));
  }

  private String singleHead() {
    List<String> heads = ids(graph.heads()).stream().toList();
    if (heads.size() != 1) {
      throw new MigrationException(heads.isEmpty() ? "there are no revisions"
          : "'head' is ambiguous: the revisions have " + heads.size() + " heads, " + heads + ". Upgrade to 'heads'"
              + " to apply every branch, name one head, or merge them into one (quarry-migrate merge -m \"merge\" heads)");
    }
    return heads.get(0);
  }

  private String labelled(String label) {
    String root = graph.labelOwner(label);
    if (root == null) {
      throw new MigrationException("no branch label '" + label + "'; branch labels: " + graph.branchLabels().keySet());
    }
    return root;
  }

  /** The one head that descends from the labelled revision (or is it). */
  private String branchHead(String label) {
    String root = labelled(label);
    Set<String> branch = graph.branchFrom(root);
    List<String> heads = graph.heads().stream().map(RevisionInfo::id).filter(branch::contains).toList();
    if (heads.size() != 1) {
      throw new MigrationException("branch '" + label + "' has several heads " + heads + "; name one");
    }
    return heads.get(0);
  }

  private static String single(List<String> current, String target) {
    if (current.size() > 1) {
      throw new MigrationException("relative target " + target + " needs one current revision, but there are "
          + current.size() + ": " + current + "; name a branch (label@" + target + ") or a revision (id"
          + target + ")");
    }
    return current.isEmpty() ? null : current.get(0);
  }

  private static String one(Set<String> ids, String target) {
    if (ids.size() != 1) {
      throw new MigrationException("target " + target + " needs one revision to count from, not " + ids);
    }
    return ids.iterator().next();
  }

  /** {@code n} revisions up (children) or down (parents) from {@code start} (null: base); empty set for base. */
  private Set<String> step(String start, String direction, int n, String target) {
    if (direction.equals("-")) {
      if (start == null) {
        throw new MigrationException("cannot go " + target + ": the database is at base");
      }
      List<String> walked = walkBack(start, n, target);
      List<String> parents = graph.revision(walked.get(walked.size() - 1)).revises();
      if (parents.size() > 1) {
        throw new MigrationException("cannot go " + target + ": revision " + walked.get(walked.size() - 1)
            + " is a merge of " + parents + "; name the revision to go to");
      }
      return parents.isEmpty() ? Set.of() : Set.of(parents.get(0));
    }
    String cur = start;
    for (int i = 0; i < n; i++) {
      List<String> next = cur == null ? ids(graph.bases()).stream().toList() : graph.childrenOf(cur);
      if (next.size() != 1) {
        throw new MigrationException("cannot go " + target + ": "
            + (next.isEmpty() ? "revision " + cur + " is a head"
                : (cur == null ? "there are several bases " : "revision " + cur + " has several children ") + next
                    + "; name a branch (label@" + target + ") or a revision"));
      }
      cur = next.get(0);
    }
    return cur == null ? Set.of() : Set.of(cur);
  }

  /** The {@code n} revisions stepped off going down from {@code start}, {@code start} first. */
  private List<String> walkBack(String start, int n, String target) {
    List<String> walked = new ArrayList<>();
    String cur = start;
    for (int i = 0; i < n; i++) {
      if (cur == null) {
        throw new MigrationException("cannot go " + target + ": it is below base");
      }
      walked.add(cur);
      List<String> parents = graph.revision(cur).revises();
      if (parents.size() > 1 && i < n - 1) {
        throw new MigrationException("cannot go " + target + ": revision " + cur + " is a merge of " + parents
            + "; name the revision to go to");
      }
      cur = parents.isEmpty() ? null : parents.get(0);
    }
    return walked;
  }

  private static Set<String> ids(List<RevisionInfo> revisions) {
    Set<String> out = new LinkedHashSet<>();
    for (RevisionInfo r : revisions) {
      out.add(r.id());
    }
    return out;
  }
}
