package dev.quarry.schema;

import dev.quarry.schema.SchemaChange.AddCheck;
import dev.quarry.schema.SchemaChange.AddColumn;
import dev.quarry.schema.SchemaChange.AddForeignKey;
import dev.quarry.schema.SchemaChange.AddUnique;
import dev.quarry.schema.SchemaChange.AlterColumnDefault;
import dev.quarry.schema.SchemaChange.AlterColumnNullable;
import dev.quarry.schema.SchemaChange.AlterColumnType;
import dev.quarry.schema.SchemaChange.AlterSequence;
import dev.quarry.schema.SchemaChange.ConstraintKind;
import dev.quarry.schema.SchemaChange.CreateIndex;
import dev.quarry.schema.SchemaChange.CreateSequence;
import dev.quarry.schema.SchemaChange.CreateTable;
import dev.quarry.schema.SchemaChange.DropColumn;
import dev.quarry.schema.SchemaChange.DropConstraint;
import dev.quarry.schema.SchemaChange.DropIndex;
import dev.quarry.schema.SchemaChange.DropSequence;
import dev.quarry.schema.SchemaChange.DropTable;
import dev.quarry.schema.SchemaChange.RenameColumn;
import dev.quarry.schema.SchemaChange.RenameTable;
import dev.quarry.schema.SchemaChanges.Diff;
import dev.quarry.schema.SchemaChanges.Renames;
import dev.quarry.sql.CheckDef;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.UniqueDef;
import dev.quarry.sql.internal.Dialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link SchemaChanges#diff}: Alembic autogenerate's comparison of two schemas, each compared as
 * the database keeps it ({@link StoredForm}), so that a model compared with the schema created
 * from it is empty. What cannot be compared reliably — check conditions and expression defaults,
 * which databases respell — is compared loosely and reported in the notes, never as a change.
 */
final class SchemaComparer {
  private final Dialect dialect;
  private final StoredForm stored;
  private final List<String> notes = new ArrayList<>();
  // The changes by phase, in the order that runs: see compare.
  private final List<SchemaChange> renames = new ArrayList<>();
  private final List<SchemaChange> dropForeignKeys = new ArrayList<>();
  private final List<SchemaChange> dropIndexesAndConstraints = new ArrayList<>();
  private final List<SchemaChange> createSequences = new ArrayList<>();
  private final List<SchemaChange> createTables = new ArrayList<>();
  private final List<SchemaChange> addColumns = new ArrayList<>();
  private final List<SchemaChange> alterColumns = new ArrayList<>();
  private final List<SchemaChange> addConstraints = new ArrayList<>();
  private final List<SchemaChange> addIndexes = new ArrayList<>();
  private final List<SchemaChange> addForeignKeys = new ArrayList<>();
  private final List<SchemaChange> dropColumns = new ArrayList<>();
  private final List<SchemaChange> dropTables = new ArrayList<>();
  private final List<SchemaChange> dropSequences = new ArrayList<>();

  SchemaComparer(Dialect dialect) {
    this.dialect = dialect;
    this.stored = new StoredForm(dialect);
  }

  /**
   * Renames first (so that what follows compares the renamed schema); foreign keys dropped (so
   * that nothing kept references what goes); tables dropped, children first (their keys may use a
   * column or unique constraint dropped later); indexes and constraints dropped (so that columns can
   * go later); sequences and tables created, parents first; columns added and altered; constraints,
   * indexes and foreign keys added (keys last: they may reference anything added before them);
   * finally columns and sequences dropped.
   */
  Diff compare(SchemaModel from, SchemaModel to, Renames hints) {
    from = applyRenames(from, to, hints);
    Map<String, TableModel> fromTables = byName(from.tables());
    Map<String, TableModel> toTables = byName(to.tables());
    for (TableModel t : from.tables()) {
      TableModel target = toTables.get(t.qualifiedName());
      if (target != null) {
        compareTable(t, target);
      }
    }
    DependencyOrder creating = DependencyOrder.of(to.tables());
    for (TableModel t : creating.createOrder()) {
      if (!fromTables.containsKey(t.qualifiedName())) {
        createTable(t, creating);
      }
    }
    DependencyOrder dropping = DependencyOrder.of(from.tables());
    for (TableModel t : dropping.dropOrder()) {
      if (t.name().startsWith(SqliteRebuild.TEMPORARY_PREFIX)) {
        notes.add("table " + t.qualifiedName() + " is left from an interrupted SQLite rebuild: not compared");
      } else if (!toTables.containsKey(t.qualifiedName())) {
        for (ForeignKey fk : t.foreignKeys()) {
          // Keys in a cycle between dropped tables would keep each table referenced by the other.
          if (dropping.isCyclic(t, fk) && dialect.supportsAlterForeignKey() && fk.name() != null) {
            dropForeignKeys.add(new DropConstraint(t.schema(), t.name(), fk.name(), ConstraintKind.FOREIGN_KEY));
          }
        }
        dropTables.add(new DropTable(t.schema(), t.name()));
      }
    }
    compareSequences(from, to);
    List<SchemaChange> changes = new ArrayList<>(renames);
    for (List<SchemaChange> phase : List.of(dropForeignKeys, dropTables, dropIndexesAndConstraints,
        createSequences, createTables, addColumns, alterColumns, addConstraints, addIndexes, addForeignKeys,
        dropColumns, dropSequences)) {
      changes.addAll(phase);
    }
    return new Diff(changes, notes);
  }

  private SchemaModel applyRenames(SchemaModel from, SchemaModel to, Renames hints) {
    for (Map.Entry<String, String> e : new TreeMap<>(hints.tables()).entrySet()) {
      TableModel old = named(from, e.getKey());
      if (old != null && from.table(old.schema(), e.getValue()) == null
          && to.table(old.schema(), e.getValue()) != null) {
        RenameTable rename = new RenameTable(old.schema(), old.name(), e.getValue());
        renames.add(rename);
        from = from.apply(rename);
      } else {
        notes.add("rename hint " + e.getKey() + " -> " + e.getValue() + " does not apply: the first schema needs "
            + e.getKey() + " and not " + e.getValue() + ", the second " + e.getValue());
      }
    }
    for (Map.Entry<String, String> e : new TreeMap<>(hints.columns()).entrySet()) {
      int dot = e.getKey().lastIndexOf('.');
      TableModel t = dot < 0 ? null : named(from, e.getKey().substring(0, dot));
      String column = dot < 0 ? null : e.getKey().substring(dot + 1);
      TableModel target = t == null ? null : to.table(t.schema(), t.name());
      if (t != null && t.column(column) != null && t.column(e.getValue()) == null && target != null
          && target.column(e.getValue()) != null) {
        RenameColumn rename = new RenameColumn(t.schema(), t.name(), column, e.getValue());
        renames.add(rename);
        from = from.apply(rename);
      } else {
        notes.add("rename hint " + e.getKey() + " -> " + e.getValue() + " does not apply: it needs that table with"
            + " column " + column + " and not " + e.getValue() + " in the first schema, and " + e.getValue()
            + " in the second");
      }
    }
    return from;
  }

  private void createTable(TableModel t, DependencyOrder order) {
    List<ForeignKey> inline = new ArrayList<>();
    for (ForeignKey fk : t.foreignKeys()) {
      if (order.isCyclic(t, fk) && dialect.supportsAlterForeignKey()) {
        addForeignKeys.add(new AddForeignKey(t.schema(), t.name(), named(t, fk)));
      } else {
        inline.add(fk);
      }
    }
    createTables.add(new CreateTable(new TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(), inline,
        t.uniques(), t.checks(), t.indexes())));
  }

  private void compareTable(TableModel from, TableModel to) {
    String table = to.qualifiedName();
    List<ColumnModel> dropped = new ArrayList<>();
    for (ColumnModel c : from.columns()) {
      ColumnModel target = to.column(c.name());
      if (target == null) {
        dropped.add(c);
        dropColumns.add(new DropColumn(to.schema(), to.name(), c.name()));
      } else {
        compareColumn(from, to, c, target);
      }
    }
    for (ColumnModel c : to.columns()) {
      if (from.column(c.name()) == null) {
        addColumns.add(new AddColumn(to.schema(), to.name(), c));
        for (ColumnModel d : dropped) {
          if (stored.sameType(d.type(), c.type())) {
            notes.add("possible rename: " + table + "." + d.name() + " -> " + table + "." + c.name()
                + " (pass a rename hint to rename instead of dropping and adding)");
          }
        }
      }
    }
    if (!from.primaryKey().equals(to.primaryKey())) {
      notes.add("the primary key of " + table + " differs: " + from.primaryKey() + " in the database, "
          + to.primaryKey() + " in the model; primary keys are not changed by a diff (use ExecuteSql)");
    }
    compareIndexesAndUniques(from, to);
    compareChecks(from, to);
    compareForeignKeys(from, to);
  }

  private void compareColumn(TableModel fromTable, TableModel toTable, ColumnModel from, ColumnModel to) {
    String where = toTable.qualifiedName() + "." + to.name();
    if (!stored.sameType(from.type(), to.type())) {
      alterColumns.add(new AlterColumnType(toTable.schema(), toTable.name(), to.name(), to.type()));
    }
    boolean fromNullable = from.nullable() && !fromTable.primaryKey().contains(from.name());
    boolean toNullable = to.nullable() && !toTable.primaryKey().contains(to.name());
    if (fromNullable != toNullable) {
      alterColumns.add(new AlterColumnNullable(toTable.schema(), toTable.name(), to.name(), toNullable));
    }
    if (from.autoIncrement() != to.autoIncrement()) {
      notes.add("auto-increment of " + where + " differs (" + from.autoIncrement() + " in the database, "
          + to.autoIncrement() + " in the model): not changed by a diff");
    } else if (!to.autoIncrement()) {
      compareDefault(toTable, from, to, where);
    }
    if (from.unique() != to.unique()) {
      notes.add("the column UNIQUE of " + where + " differs (" + from.unique() + " in the database, " + to.unique()
          + " in the model): its constraint has a name the database made up; add or drop a named unique"
          + " constraint instead");
    }
  }

  /**
   * A default added or dropped is a change; one whose text differs is a change when both are plain
   * literals (kept as written); an expression respelled by the database is only a note.
   */
  private void compareDefault(TableModel toTable, ColumnModel from, ColumnModel to, String where) {
    String a = stored.serverDefault(from);
    String b = stored.serverDefault(to);
    if (Objects.equals(a, b) || a != null && b != null && StoredForm.loose(a).equals(StoredForm.loose(b))) {
      return;
    }
    if (a == null || b == null || StoredForm.isLiteral(a) && StoredForm.isLiteral(b)) {
      alterColumns.add(new AlterColumnDefault(toTable.schema(), toTable.name(), to.name(), to.serverDefault()));
    } else {
      notes.add("the server default of " + where + " may differ: " + a + " in the database, " + b
          + " in the model; expression defaults are not compared (databases respell them)");
    }
  }

  private void compareIndexesAndUniques(TableModel from, TableModel to) {
    List<IndexDef> fromIndexes = new ArrayList<>();
    List<UniqueDef> fromUniques = new ArrayList<>(from.uniques());
    for (IndexDef i : from.indexes()) {
      // Where a unique constraint is kept as a unique index, that index is the model's constraint.
      UniqueDef asConstraint = dialect.keepsUniqueConstraintsAsIndexes() && i.unique()
          ? findUnique(to.uniques(), i.name(), i.columns()) : null;
      if (asConstraint != null) {
        fromUniques.add(new UniqueDef(i.name(), i.columns()));
      } else {
        fromIndexes.add(i);
      }
    }
    // The other way round too (a downgrade compares the model with the database read back): a
    // unique index of the target that is a unique constraint of the source is that constraint.
    List<UniqueDef> toUniques = new ArrayList<>(to.uniques());
    List<IndexDef> toIndexDefs = new ArrayList<>();
    for (IndexDef i : to.indexes()) {
      UniqueDef asConstraint = dialect.keepsUniqueConstraintsAsIndexes() && i.unique() && i.name() != null
          ? findUnique(from.uniques(), i.name(), i.columns()) : null;
      if (asConstraint != null && asConstraint.columns().equals(i.columns())
          && findUnique(to.uniques(), i.name(), i.columns()) == null) {
        toUniques.add(new UniqueDef(i.name(), i.columns()));
      } else {
        toIndexDefs.add(i);
      }
    }
    Map<String, IndexDef> toIndexes = new LinkedHashMap<>();
    for (IndexDef i : toIndexDefs) {
      String name = StoredForm.indexName(to, i);
      toIndexes.put(name, new IndexDef(name, i.columns(), i.unique()));
    }
    Set<String> kept = new HashSet<>();
    for (IndexDef i : fromIndexes) {
      IndexDef target = toIndexes.get(i.name());
      if (target != null && StoredForm.sameIndex(i, target)) {
        kept.add(i.name());
      } else {
        dropIndexesAndConstraints.add(new DropIndex(to.schema(), to.name(), i.name()));
      }
    }
    for (IndexDef i : toIndexes.values()) {
      if (!kept.contains(i.name())) {
        addIndexes.add(new CreateIndex(to.schema(), to.name(), i));
      }
    }
    Set<UniqueDef> matched = new HashSet<>();
    for (UniqueDef u : toUniques) {
      UniqueDef existing = findUnique(fromUniques, u.name(), u.columns());
      if (existing != null && existing.columns().equals(u.columns())) {
        matched.add(existing);
        continue;
      }
      if (existing != null) {
        matched.add(existing);
        dropIndexesAndConstraints.add(new DropConstraint(to.schema(), to.name(), existing.name(),
            ConstraintKind.UNIQUE));
      }
      String name = u.name() != null ? u.name() : "uq_" + to.name() + "_" + String.join("_", u.columns());
      addConstraints.add(new AddUnique(to.schema(), to.name(), new UniqueDef(name, u.columns())));
    }
    for (UniqueDef u : fromUniques) {
      if (!matched.contains(u)) {
        if (u.name() == null) {
          notes.add("unnamed unique constraint " + u.columns() + " of " + to.qualifiedName()
              + " is not in the model: it cannot be dropped by name");
        } else {
          dropIndexesAndConstraints.add(new DropConstraint(to.schema(), to.name(), u.name(), ConstraintKind.UNIQUE));
        }
      }
    }
  }

  /** The unique constraint of that name, or (when the name is null) of those columns, or null. */
  private static UniqueDef findUnique(List<UniqueDef> uniques, String name, List<String> columns) {
    for (UniqueDef u : uniques) {
      if (name != null ? name.equals(u.name()) : u.columns().equals(columns)) {
        return u;
      }
    }
    return null;
  }

  private void compareChecks(TableModel from, TableModel to) {
    Set<CheckDef> matched = new HashSet<>();
    for (CheckDef c : to.checks()) {
      CheckDef existing = null;
      for (CheckDef f : from.checks()) {
        boolean same = c.name() != null ? c.name().equals(f.name())
            : f.name() == null && StoredForm.loose(f.sql()).equals(StoredForm.loose(c.sql()));
        if (same) {
          existing = f;
        }
      }
      if (existing != null) {
        matched.add(existing);
        if (!StoredForm.loose(existing.sql()).equals(StoredForm.loose(c.sql()))) {
          notes.add("check " + c.name() + " of " + to.qualifiedName() + " reads " + existing.sql()
              + " in the database and " + c.sql() + " in the model; check conditions are not compared (databases"
              + " respell them): if it changed, drop and add the check");
        }
      } else if (c.name() == null) {
        notes.add("unnamed check (" + c.sql() + ") of " + to.qualifiedName() + " is not in the database; name it"
            + " to have it added");
      } else {
        addConstraints.add(new AddCheck(to.schema(), to.name(), c));
      }
    }
    for (CheckDef f : from.checks()) {
      if (!matched.contains(f)) {
        if (f.name() == null) {
          notes.add("unnamed check (" + f.sql() + ") of " + to.qualifiedName() + " is not in the model: it cannot"
              + " be dropped by name");
        } else {
          dropIndexesAndConstraints.add(new DropConstraint(to.schema(), to.name(), f.name(), ConstraintKind.CHECK));
        }
      }
    }
  }

  /** Foreign keys are matched by columns and target: an unnamed key gets a name the database makes up. */
  private void compareForeignKeys(TableModel from, TableModel to) {
    Map<StoredForm.ForeignKeyKey, ForeignKey> existing = new LinkedHashMap<>();
    for (ForeignKey fk : from.foreignKeys()) {
      existing.put(StoredForm.key(from, fk), fk);
    }
    for (ForeignKey fk : to.foreignKeys()) {
      ForeignKey f = existing.remove(StoredForm.key(to, fk));
      if (f != null && stored.sameActions(f, fk)) {
        continue;
      }
      if (f != null) {
        dropForeignKey(to, f);
      }
      addForeignKeys.add(new AddForeignKey(to.schema(), to.name(), named(to, fk)));
    }
    for (ForeignKey f : existing.values()) {
      dropForeignKey(to, f);
    }
  }

  private void dropForeignKey(TableModel table, ForeignKey fk) {
    if (fk.name() == null) {
      notes.add("unnamed foreign key " + fk.columns() + " of " + table.qualifiedName()
          + " differs from the model: it cannot be dropped by name");
    } else {
      dropForeignKeys.add(new DropConstraint(table.schema(), table.name(), fk.name(), ConstraintKind.FOREIGN_KEY));
    }
  }

  private void compareSequences(SchemaModel from, SchemaModel to) {
    if (!dialect.supportsSequences()) {
      if (!to.sequences().isEmpty()) {
        notes.add(dialect.vendor().displayName() + " has no sequences: the model's "
            + to.sequences().stream().map(SequenceDef::name).toList() + " are not compared");
      }
      return;
    }
    Map<String, SequenceDef> existing = new LinkedHashMap<>();
    for (SequenceDef s : from.sequences()) {
      existing.put(s.schema() + "." + s.name(), s);
    }
    for (SequenceDef s : to.sequences()) {
      SequenceDef f = existing.remove(s.schema() + "." + s.name());
      if (f == null) {
        createSequences.add(new CreateSequence(s));
      } else if (f.allocationSize() != s.allocationSize()) {
        alterColumns.add(new AlterSequence(s.schema(), s.name(), s.allocationSize()));
      }
    }
    for (SequenceDef f : existing.values()) {
      dropSequences.add(new DropSequence(f.schema(), f.name()));
    }
  }

  /** The key with the name DDL gives an unnamed one ({@code fk_<table>_<columns>}). */
  private static ForeignKey named(TableModel t, ForeignKey fk) {
    return fk.name() != null ? fk : new ForeignKey(DdlWriter.foreignKeyName(t, fk), fk.columns(), fk.targetSchema(),
        fk.targetTable(), fk.targetColumns(), fk.onDelete(), fk.onUpdate());
  }

  /** The first table of that name, in any schema. */
  private static TableModel named(SchemaModel model, String name) {
    return model.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  private static Map<String, TableModel> byName(List<TableModel> tables) {
    Map<String, TableModel> out = new LinkedHashMap<>();
    for (TableModel t : tables) {
      out.put(t.qualifiedName(), t);
    }
    return out;
  }
}
