package dev.quarry.schema;

import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.internal.Dialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans the DDL statements that create or drop a schema, in foreign-key order, skipping what
 * already exists (create) or does not exist (drop) according to an {@link Existing} view of the
 * database.
 */
final class DdlPlan {
  /** What the database already has; for a script, nothing (create) or everything (drop). */
  interface Existing {
    boolean table(TableModel t);

    boolean sequence(SequenceDef s);

    boolean foreignKey(TableModel t, String constraintName);

    Existing NOTHING = new Existing() {
      @Override
      public boolean table(TableModel t) {
        return false;
      }

      @Override
      public boolean sequence(SequenceDef s) {
        return false;
      }

      @Override
      public boolean foreignKey(TableModel t, String constraintName) {
        return false;
      }
    };

    Existing EVERYTHING = new Existing() {
      @Override
      public boolean table(TableModel t) {
        return true;
      }

      @Override
      public boolean sequence(SequenceDef s) {
        return true;
      }

      @Override
      public boolean foreignKey(TableModel t, String constraintName) {
        return true;
      }
    };
  }

  private final DdlWriter writer;

  DdlPlan(DdlWriter writer) {
    this.writer = writer;
  }

  /**
   * Sequences, then tables parents first, each followed by its indexes, then the foreign keys of
   * cycles (where the database can add them later). A table that exists is left alone, indexes and
   * constraints included, as SQLAlchemy's {@code create_all(checkfirst=True)} does: changing a live
   * table (an index built on a large one takes locks) is a migration's job, not an application
   * start's.
   */
  List<String> create(List<TableModel> tables, List<SequenceDef> sequences, Existing existing) {
    Dialect dialect = writer.dialect();
    DependencyOrder order = DependencyOrder.of(tables);
    List<String> out = new ArrayList<>();
    if (dialect.supportsSequences()) {
      for (SequenceDef s : sequences) {
        if (!existing.sequence(s)) {
          out.add(writer.createSequence(s));
        }
      }
    }
    List<String> deferred = new ArrayList<>();
    for (TableModel t : order.createOrder()) {
      if (existing.table(t)) {
        continue;
      }
      Set<ForeignKey> omitted = new HashSet<>();
      if (dialect.supportsAlterForeignKey()) {
        for (ForeignKey fk : t.foreignKeys()) {
          if (order.isCyclic(t, fk)) {
            omitted.add(fk);
            deferred.add(writer.addForeignKey(t, fk));
          }
        }
      }
      out.add(writer.createTable(t, omitted));
      for (IndexDef index : t.indexes()) {
        out.add(writer.createIndex(t, index));
      }
    }
    out.addAll(deferred);
    return out;
  }

  /**
   * Foreign keys of cycles first (so that no table is still referenced when it is dropped),
   * then tables children first, then sequences.
   */
  List<String> drop(List<TableModel> tables, List<SequenceDef> sequences, Existing existing) {
    Dialect dialect = writer.dialect();
    DependencyOrder order = DependencyOrder.of(tables);
    List<String> out = new ArrayList<>();
    List<TableModel> present = order.dropOrder().stream().filter(existing::table).toList();
    if (!order.cyclic().isEmpty()) {
      if (dialect.supportsAlterForeignKey()) {
        for (TableModel t : present) {
          for (ForeignKey fk : t.foreignKeys()) {
            if (order.isCyclic(t, fk) && existing.foreignKey(t, DdlWriter.foreignKeyName(t, fk))) {
              out.add(writer.dropForeignKey(t, fk));
            }
          }
        }
      } else if (!present.isEmpty() && dialect.deferForeignKeyChecks() != null) {
        // The keys stay while their tables are dropped one by one: check them at commit instead.
        out.add(dialect.deferForeignKeyChecks());
      }
    }
    for (TableModel t : present) {
      out.add(writer.dropTable(t));
    }
    if (dialect.supportsSequences()) {
      for (SequenceDef s : sequences) {
        if (existing.sequence(s)) {
          out.add(writer.dropSequence(s));
        }
      }
    }
    return out;
  }
}
