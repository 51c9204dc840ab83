package dev.quarry.migrate;

import dev.quarry.types.Vendor;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The revision graph (Alembic's {@code ScriptDirectory}): every revision found, checked for
 * unknown parents, duplicates and cycles; heads, bases, branch labels, history, and offline SQL.
 * Needs no database.
 */
public final class Revisions {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Revisions by id, in topological order (parents and dependencies first). */
  private final Map<String, RevisionInfo> byId;
  private final Map<String, List<String>> children = new HashMap<>();
  /** Each revision's dependsOn, labels resolved to the revision that carries them. */
  private final Map<String, List<String>> dependencies = new HashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, Integer> position = new HashMap<>();
  final Targets targets = new Targets(this);

  private Revisions(Map<String, RevisionInfo> byId) {
    this.byId = byId;
  }

  /** The revisions of every {@link RevisionSource} registered on this class loader's path. */
  public static Revisions load(ClassLoader loader) {
    List<RevisionInfo> all = new ArrayList<>();
    for (RevisionSource source : ServiceLoader.load(RevisionSource.class, loader)) {
      all.addAll(source.revisions());
    }
    return of(all);
  }

  /** A graph of these revisions. */
  public static Revisions of(List<RevisionInfo> revisions) {
    Map<String, RevisionInfo> given = new LinkedHashMap<>();
    for (RevisionInfo r : revisions) {
      if (!ID.matcher(r.id()).matches()) {
        throw new MigrationException("revision id '" + r.id() + "' (" + r.message()
            + ") must be 1 to 32 letters, digits or underscores");
      }
      RevisionInfo previous = given.putIfAbsent(r.id(), r);
      if (previous != null) {
        throw new MigrationException("two revisions have the id " + r.id() + ": '" + previous.message() + "' and '"
            + r.message() + "'");
      }
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (RevisionInfo r : given.values()) {
      for (String label : r.branchLabels()) {
        String owner = labels.putIfAbsent(label, r.id());
        if (owner != null) {
          throw new MigrationException("branch label '" + label + "' is on two revisions: " + owner + " and " + r.id());
        }
        if (given.containsKey(label)) {
          throw new MigrationException("branch label '" + label + "' of revision " + r.id()
              + " is also a revision id");
        }
      }
    }
    Map<String, List<String>> dependencies = new HashMap<>();
    for (RevisionInfo r : given.values()) {
      for (String parent : r.revises()) {
        if (!given.containsKey(parent)) {
          throw new MigrationException("revision " + r.id() + " revises " + parent + ", which is no known revision;"
              + " known revisions: " + given.keySet());
        }
      }
      List<String> deps = new ArrayList<>();
      for (String dep : r.dependsOn()) {
        String id = given.containsKey(dep) ? dep : labels.get(dep);
        if (id == null) {
          throw new MigrationException("revision " + r.id() + " depends on " + dep
              + ", which is no known revision or branch label; known revisions: " + given.keySet()
              + ", branch labels: " + labels.keySet());
        }
        deps.add(id);
      }
      dependencies.put(r.id(), List.copyOf(deps));
    }
    Revisions graph = new Revisions(topological(given, dependencies));
    graph.labels.putAll(labels);
    graph.dependencies.putAll(dependencies);
    int i = 0;
    for (RevisionInfo r : graph.byId.values()) {
      graph.position.put(r.id(), i++);
      graph.children.putIfAbsent(r.id(), new ArrayList<>());
      for (String parent : r.revises()) {
        graph.children.computeIfAbsent(parent, k -> new ArrayList<>()).add(r.id());
      }
    }
    return graph;
  }

  /** Kahn's algorithm over parent and dependency edges, stable in the given order; what is left is a cycle. */
  private static Map<String, RevisionInfo> topological(Map<String, RevisionInfo> given,
      Map<String, List<String>> dependencies) {
    Map<String, RevisionInfo> ordered = new LinkedHashMap<>();
    boolean progress = true;
    while (ordered.size() < given.size() && progress) {
      progress = false;
      for (RevisionInfo r : given.values()) {
        if (!ordered.containsKey(r.id()) && ordered.keySet().containsAll(r.revises())
            && ordered.keySet().containsAll(dependencies.get(r.id()))) {
          ordered.put(r.id(), r);
          progress = true;
        }
      }
    }
    if (ordered.size() < given.size()) {
      List<String> cycle = given.keySet().stream().filter(id -> !ordered.containsKey(id)).toList();
      throw new MigrationException("the revisions form a cycle (through revises or dependsOn): " + cycle);
    }
    return ordered;
  }

  /** The revision of that id (or unique id prefix), or a {@link MigrationException} listing the known ones. */
  public RevisionInfo get(String id) {
    Objects.requireNonNull(id, "id");
    RevisionInfo exact = byId.get(id);
    if (exact != null) {
      return exact;
    }
    List<String> matches = id.isEmpty() ? List.of()
        : byId.keySet().stream().filter(k -> k.startsWith(id)).toList();
    if (matches.size() == 1) {
      return byId.get(matches.get(0));
    }
    if (matches.isEmpty()) {
      throw new MigrationException("no revision '" + id + "'; known revisions: " + byId.keySet());
    }
    throw new MigrationException("revision prefix '" + id + "' is ambiguous: it starts " + matches);
  }

  /** Every revision, parents and dependencies before the revisions that need them. */
  public List<RevisionInfo> all() {
    return List.copyOf(byId.values());
  }

  /** Revisions that no other revision revises. */
  public List<RevisionInfo> heads() {
    return byId.values().stream().filter(r -> children.get(r.id()).isEmpty()).toList();
  }

  /** Revisions that revise nothing. */
  public List<RevisionInfo> bases() {
    return byId.values().stream().filter(RevisionInfo::isBase).toList();
  }

  /** Branch labels and the revision that carries each. */
  public Map<String, String> branchLabels() {
    return java.util.Collections.unmodifiableMap(labels);
  }

  /**
   * Revisions from newest to oldest, limited by a range {@code from:to} of targets as
   * {@link Migrator#upgrade} takes them ({@code base:head}, {@code ae10:}, {@code -3:current}…);
   * null for all.
   */
  public List<RevisionInfo> history(String range) {
    return history(range, null);
  }

  /**
   * {@link #history(String)} with the heads the database is at, for {@code current} and relative
   * targets in the range; both ends of the range are included.
   */
  public List<RevisionInfo> history(String range, List<String> current) {
    List<String> at = current == null ? heads().stream().map(RevisionInfo::id).toList() : current;
    String from = "base";
    String to = "heads";
    if (range != null && !range.isBlank()) {
      int colon = range.indexOf(':');
      if (colon < 0) {
        throw new MigrationException("history range '" + range + "' must be from:to, e.g. base:head or ae10:");
      }
      from = range.substring(0, colon).isBlank() ? "base" : range.substring(0, colon).strip();
      to = range.substring(colon + 1).isBlank() ? "heads" : range.substring(colon + 1).strip();
    }
    Set<String> upper = closure(targets.resolve(to, at, current != null));
    Set<String> lowerTargets = targets.resolveLower(from, at, current != null);
    Set<String> below = closure(lowerTargets);
    below.removeAll(lowerTargets);
    List<RevisionInfo> out = new ArrayList<>();
    for (String id : newestFirst(upper)) {
      if (!below.contains(id)) {
        out.add(byId.get(id));
      }
    }
    return out;
  }

  /**
   * The SQL that moves a database of {@code vendor} between two targets, without a database
   * (Alembic's offline mode): {@code "base:head"} upgrades, {@code "head:base"} downgrades; the
   * version table's statements included.
   */
  public String sql(Vendor vendor, String range) {
    return sql(vendor, range, Migrator.DEFAULT_VERSION_TABLE);
  }

  /** {@link #sql(Vendor, String)} with a version table of another name. */
  public String sql(Vendor vendor, String range, String versionTable) {
    Objects.requireNonNull(vendor, "vendor");
    String from = "base";
    String to = range == null ? "heads" : range.strip();
    int colon = to.indexOf(':');
    if (colon >= 0) {
      from = to.substring(0, colon).isBlank() ? "base" : to.substring(0, colon).strip();
      to = to.substring(colon + 1).isBlank() ? "heads" : to.substring(colon + 1).strip();
    }
    List<String> start = headsOf(closure(targets.resolve(from, List.of(), false)));
    List<Step> steps = targets.isDowngrade(to, start) ? targets.downgradeSteps(to, start)
        : targets.upgradeSteps(to, start);
    return new OfflineScript(this, vendor, versionTable).write(start, steps);
  }

  /** A new, random revision id (12 hex digits, as Alembic's). */
  public static String newId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  // --- graph queries for the planner, the migrator and the offline script ---------------------

  boolean contains(String id) {
    return byId.containsKey(id);
  }

  RevisionInfo revision(String id) {
    return byId.get(id);
  }

  List<String> childrenOf(String id) {
    return children.get(id);
  }

  List<String> dependenciesOf(String id) {
    return dependencies.get(id);
  }

  String labelOwner(String label) {
    return labels.get(label);
  }

  /** The revisions and every ancestor and dependency of them. */
  Set<String> closure(Collection<String> ids) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(ids);
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (seen.add(id)) {
        todo.addAll(byId.get(id).revises());
        todo.addAll(dependencies.get(id));
      }
    }
    return seen;
  }

  /** The revisions that descend from {@code id} through revises or dependsOn, itself excluded. */
  Set<String> descendants(String id) {
    Set<String> out = new LinkedHashSet<>();
    for (String other : byId.keySet()) {
      if (!other.equals(id) && closure(List.of(other)).contains(id)) {
        out.add(other);
      }
    }
    return out;
  }

  /** The revisions of {@code id}'s branch from it on: its descendants through revises only, and itself. */
  Set<String> branchFrom(String id) {
    Set<String> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (out.add(next)) {
        todo.addAll(children.get(next));
      }
    }
    return out;
  }

  /** The version table's rows for an applied set: applied revisions that no applied revision revises. */
  List<String> headsOf(Set<String> applied) {
    List<String> out = new ArrayList<>();
    for (String id : oldestFirst(applied)) {
      if (children.get(id).stream().noneMatch(applied::contains)) {
        out.add(id);
      }
    }
    return out;
  }

  List<String> oldestFirst(Collection<String> ids) {
    List<String> out = new ArrayList<>(ids);
    out.sort(java.util.Comparator.comparing(position::get));
    return out;
  }

  List<String> newestFirst(Collection<String> ids) {
    List<String> out = oldestFirst(ids);
    java.util.Collections.reverse(out);
    return out;
  }

  /** The ids among {@code ids} that are no revision of these. */
  List<String> unknown(List<String> ids) {
    return ids.stream().filter(id -> !byId.containsKey(id)).toList();
  }

  /** Checks that the version table names known revisions. */
  void requireKnown(List<String> current, String where) {
    for (String id : current) {
      if (!byId.containsKey(id)) {
        throw new MigrationException(where + " names revision " + id + ", which these revisions do not have (known: "
            + byId.keySet() + "). The database was migrated by a newer release of the application, or by other"
            + " revisions: run that release (it can downgrade to a revision this one has), or, if the schema is what"
            + " a known revision makes, stamp the database at that revision");
      }
    }
  }
}
