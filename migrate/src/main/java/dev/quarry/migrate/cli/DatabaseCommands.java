package dev.quarry.migrate.cli;

import dev.quarry.migrate.Migrator;
import dev.quarry.migrate.RevisionInfo;
import dev.quarry.schema.SchemaChange;
import dev.quarry.schema.SchemaChanges;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The commands that read or change the database. */
final class DatabaseCommands {
  private DatabaseCommands() {}

  @Command(name = "upgrade", description = "Runs the revisions up to a target (default: head).")
  static final class Upgrade extends MigrateCommand.Action {
    @Parameters(arity = "0..1", paramLabel = "TARGET", description = "head, heads, an id, label@head, +2 ...")
    String target = "head";

    @Override
    int run(Session session, PrintWriter out) {
      List<RevisionInfo> ran = session.migrator(false).upgrade(target);
      for (RevisionInfo r : ran) {
        out.println("upgraded " + (r.isBase() ? "<base>" : String.join(", ", r.revises())) + " -> " + r.id()
            + (r.message().isEmpty() ? "" : ", " + r.message()));
      }
      if (ran.isEmpty()) {
        out.println("nothing to upgrade: the database is at " + target);
      }
      return MigrateCommand.OK;
    }
  }

  @Command(name = "downgrade", description = "Reverts revisions down to a target.")
  static final class Downgrade extends MigrateCommand.Action {
    @Parameters(paramLabel = "TARGET", description = "base, an id, -1 ...")
    String target;

    @Override
    int run(Session session, PrintWriter out) {
      List<RevisionInfo> ran = session.migrator(false).downgrade(target);
      for (RevisionInfo r : ran) {
        out.println("downgraded " + r.id() + " -> " + (r.isBase() ? "<base>" : String.join(", ", r.revises()))
            + (r.message().isEmpty() ? "" : ", " + r.message()));
      }
      if (ran.isEmpty()) {
        out.println("nothing to downgrade: the database is at " + target);
      }
      return MigrateCommand.OK;
    }
  }

  @Command(name = "current", description = "Shows the revisions the database is at.")
  static final class Current extends MigrateCommand.Action {
    @Override
    int run(Session session, PrintWriter out) {
      Migrator migrator = session.migrator(false);
      Set<String> heads = session.revisions().heads().stream().map(RevisionInfo::id).collect(Collectors.toSet());
      List<String> current = migrator.current();
      for (String id : current) {
        out.println(id + (heads.contains(id) ? " (head)" : ""));
      }
      if (current.isEmpty() && common.verbose) {
        out.println("(base: no revision applied)");
      }
      return MigrateCommand.OK;
    }
  }

  @Command(name = "stamp", description = "Records the database as at the targets, running nothing.")
  static final class Stamp extends MigrateCommand.Action {
    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "head, base, ids ...")
    List<String> targets;

    @Override
    int run(Session session, PrintWriter out) {
      session.migrator(false).stamp(targets.toArray(String[]::new));
      out.println("stamped " + String.join(", ", targets));
      return MigrateCommand.OK;
    }
  }

  @Command(name = "check", description = "Exits 1 when the database (at head) differs from the entities.")
  static final class Check extends MigrateCommand.Action {
    @Override
    int run(Session session, PrintWriter out) {
      SchemaChanges.Diff diff = session.migrator(true).check();
      if (diff.isEmpty()) {
        out.println("no differences: the database matches the entities");
        return MigrateCommand.OK;
      }
      out.println("the database differs from the entities; a new revision would:");
      for (SchemaChange c : diff.changes()) {
        out.println("  " + c.describe() + (c.dropsData() ? " (drops data)" : ""));
      }
      for (String note : diff.notes()) {
        out.println("  note: " + note);
      }
      return MigrateCommand.DIFFERENCES;
    }
  }
}
