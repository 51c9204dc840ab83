package dev.quarry.migrate;

import java.util.List;

/**
 * One revision run in one direction, with the version table's rows before and after it.
 *
 * @param revision the revision
 * @param upgrade true for its upgrade, false for its downgrade
 * @param before the applied heads before the step
 * @param after the applied heads after it
 */
record Step(RevisionInfo revision, boolean upgrade, List<String> before, List<String> after) {
  Step {
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  /** As Alembic logs it: {@code upgrade ae10 -> 4f1c, add users.email}. */
  String describe() {
    String parents = String.join(", ", revision.revises());
    String from = upgrade ? parents : revision.id();
    String to = upgrade ? revision.id() : parents;
    return (upgrade ? "upgrade " : "downgrade ") + from + " -> " + to
        + (revision.message().isEmpty() ? "" : ", " + revision.message());
  }
}
