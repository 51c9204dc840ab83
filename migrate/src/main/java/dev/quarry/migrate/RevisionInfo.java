package dev.quarry.migrate;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A revision as the graph sees it: its id, the revisions it revises, branch labels, dependencies,
 * message, and how to make its {@link Migration}.
 *
 * @param id the revision id
 * @param revises parent revision ids; empty for a base revision
 * @param branchLabels branch labels this revision carries
 * @param dependsOn revision ids or branch labels that must be applied first
 * @param message what the revision does
 * @param migration makes the revision's migration
 */
public record RevisionInfo(String id, List<String> revises, List<String> branchLabels, List<String> dependsOn,
    String message, Supplier<? extends Migration> migration) {
  public RevisionInfo {
    Objects.requireNonNull(id, "id");
    revises = List.copyOf(revises);
    branchLabels = List.copyOf(branchLabels);
    dependsOn = List.copyOf(dependsOn);
    message = message == null ? "" : message;
    Objects.requireNonNull(migration, "migration");
  }

  /** A base revision: it revises nothing. */
  public boolean isBase() {
    return revises.isEmpty();
  }

  /** A merge point: it revises several revisions. */
  public boolean isMerge() {
    return revises.size() > 1;
  }
}
