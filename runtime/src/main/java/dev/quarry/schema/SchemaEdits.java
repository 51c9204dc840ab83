package dev.quarry.schema;

import dev.quarry.schema.SchemaChange.AddCheck;
import dev.quarry.schema.SchemaChange.AddColumn;
import dev.quarry.schema.SchemaChange.AddForeignKey;
import dev.quarry.schema.SchemaChange.AddUnique;
import dev.quarry.schema.SchemaChange.AlterColumnDefault;
import dev.quarry.schema.SchemaChange.AlterColumnNullable;
import dev.quarry.schema.SchemaChange.AlterColumnType;
import dev.quarry.schema.SchemaChange.AlterSequence;
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
import dev.quarry.sql.CheckDef;
import dev.quarry.sql.ForeignKey;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.UniqueDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link SchemaModel#apply}: the model after one change, as the databases leave the schema. A
 * change naming something the model does not have fails with an IllegalArgumentException that
 * names it and lists what there is, so that a migration written against the wrong schema stops
 * before it runs. Dropping a column that an index, key or constraint uses fails too: databases
 * disagree on what happens to those (PostgreSQL drops them, MySQL narrows them, H2 refuses), so a
 * migration drops them first and behaves the same everywhere.
 */
final class SchemaEdits {
  private SchemaEdits() {}

  static SchemaModel apply(SchemaModel model, SchemaChange change) {
    List<TableModel> tables = new ArrayList<>(model.tables());
    List<SequenceDef> sequences = new ArrayList<>(model.sequences());
    if (change instanceof CreateTable c) {
      if (model.table(c.table().schema(), c.table().name()) != null) {
        throw new IllegalArgumentException("cannot create table " + c.table().qualifiedName()
            + ": the schema has a table of that name");
      }
      tables.add(c.table());
    } else if (change instanceof DropTable d) {
      TableModel t = require(model, d.schema(), d.table());
      for (TableModel other : model.tables()) {
        for (ForeignKey fk : other.foreignKeys()) {
          if (other != t && targets(other, fk, t)) {
            throw new IllegalArgumentException("cannot drop table " + t.qualifiedName() + ": foreign key "
                + fk.name() + " of table " + other.qualifiedName() + " references it; drop that first");
          }
        }
      }
      tables.remove(t);
    } else if (change instanceof RenameTable r) {
      TableModel t = require(model, r.schema(), r.table());
      if (model.table(r.schema(), r.newName()) != null) {
        throw new IllegalArgumentException("cannot rename table " + t.qualifiedName() + " to " + r.newName()
            + ": the schema has a table of that name");
      }
      tables.clear();
      for (TableModel other : model.tables()) {
        // Every database follows the rename in the foreign keys that reference the table.
        List<ForeignKey> fks = other.foreignKeys().stream().map(fk -> targets(other, fk, t)
            ? new ForeignKey(fk.name(), fk.columns(), fk.targetSchema(), r.newName(), fk.targetColumns(),
                fk.onDelete(), fk.onUpdate())
            : fk).toList();
        TableModel renamed = other == t ? new TableModel(t.schema(), r.newName(), t.columns(), t.primaryKey(), fks,
            t.uniques(), t.checks(), t.indexes()) : with(other, other.columns(), other.primaryKey(), fks);
        tables.add(renamed);
      }
    } else if (change instanceof AddColumn a) {
      TableModel t = require(model, a.schema(), a.table());
      if (t.column(a.column().name()) != null) {
        throw new IllegalArgumentException("cannot add column " + a.column().name() + " to table "
            + t.qualifiedName() + ": it has a column of that name");
      }
      List<ColumnModel> columns = new ArrayList<>(t.columns());
      columns.add(a.column());
      replace(tables, t, with(t, columns, t.primaryKey(), t.foreignKeys()));
    } else if (change instanceof DropColumn d) {
      TableModel t = require(model, d.schema(), d.table());
      requireColumn(t, d.column());
      requireUnused(model, t, d.column());
      List<ColumnModel> columns = t.columns().stream().filter(c -> !c.name().equals(d.column())).toList();
      replace(tables, t, with(t, columns, t.primaryKey(), t.foreignKeys()));
    } else if (change instanceof RenameColumn r) {
      renameColumn(model, tables, r);
    } else if (change instanceof AlterColumnType a) {
      alterColumn(model, tables, a.schema(), a.table(), a.column(),
          c -> new ColumnModel(c.name(), a.type(), c.nullable(), c.autoIncrement(), c.unique(), c.serverDefault()));
    } else if (change instanceof AlterColumnNullable a) {
      alterColumn(model, tables, a.schema(), a.table(), a.column(),
          c -> new ColumnModel(c.name(), c.type(), a.nullable(), c.autoIncrement(), c.unique(), c.serverDefault()));
    } else if (change instanceof AlterColumnDefault a) {
      alterColumn(model, tables, a.schema(), a.table(), a.column(),
          c -> new ColumnModel(c.name(), c.type(), c.nullable(), c.autoIncrement(), c.unique(), a.serverDefault()));
    } else if (change instanceof CreateIndex c) {
      TableModel t = require(model, c.schema(), c.table());
      requireNewIndexName(model, c.schema(), c.index().name());
      List<IndexDef> indexes = new ArrayList<>(t.indexes());
      indexes.add(c.index());
      replace(tables, t, new TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(), t.foreignKeys(),
          t.uniques(), t.checks(), indexes));
    } else if (change instanceof DropIndex d) {
      TableModel t = require(model, d.schema(), d.table());
      List<IndexDef> indexes = new ArrayList<>(t.indexes());
      List<UniqueDef> uniques = new ArrayList<>(t.uniques());
      // Where a unique constraint is its index (MariaDB, MySQL), dropping the index drops the constraint.
      if (!indexes.removeIf(i -> d.name().equals(i.name())) && !uniques.removeIf(u -> d.name().equals(u.name()))) {
        throw new IllegalArgumentException("cannot drop index " + d.name() + ": table " + t.qualifiedName()
            + " has no index of that name; its indexes are " + t.indexes().stream().map(IndexDef::name).toList());
      }
      replace(tables, t, new TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(), t.foreignKeys(),
          uniques, t.checks(), indexes));
    } else if (change instanceof AddUnique a) {
      TableModel t = require(model, a.schema(), a.table());
      requireNewConstraintName(t, a.unique().name());
      List<UniqueDef> uniques = new ArrayList<>(t.uniques());
      uniques.add(a.unique());
      replace(tables, t, new TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(), t.foreignKeys(),
          uniques, t.checks(), t.indexes()));
    } else if (change instanceof AddForeignKey a) {
      TableModel t = require(model, a.schema(), a.table());
      requireNewConstraintName(t, a.foreignKey().name());
      ForeignKey fk = a.foreignKey();
      String targetSchema = fk.targetSchema() != null ? fk.targetSchema() : t.schema();
      TableModel target = fk.targetTable().equals(t.name()) && Objects.equals(targetSchema, t.schema()) ? t
          : require(model, targetSchema, fk.targetTable());
      for (String column : fk.targetColumns()) {
        requireColumn(target, column);
      }
      List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
      fks.add(fk);
      replace(tables, t, with(t, t.columns(), t.primaryKey(), fks));
    } else if (change instanceof AddCheck a) {
      TableModel t = require(model, a.schema(), a.table());
      requireNewConstraintName(t, a.check().name());
      List<CheckDef> checks = new ArrayList<>(t.checks());
      checks.add(a.check());
      replace(tables, t, new TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(), t.foreignKeys(),
          t.uniques(), checks, t.indexes()));
    } else if (change instanceof DropConstraint d) {
      TableModel t = require(model, d.schema(), d.table());
      replace(tables, t, dropConstraint(t, d));
    } else if (change instanceof CreateSequence c) {
      if (sequence(model, c.sequence().schema(), c.sequence().name()) != null) {
        throw new IllegalArgumentException("cannot create sequence " + c.sequence().name()
            + ": the schema has a sequence of that name");
      }
      sequences.add(c.sequence());
    } else if (change instanceof DropSequence d) {
      sequences.remove(requireSequence(model, d.schema(), d.name()));
    } else if (change instanceof AlterSequence a) {
      SequenceDef s = requireSequence(model, a.schema(), a.name());
      sequences.set(sequences.indexOf(s), new SequenceDef(s.schema(), s.name(), a.incrementBy()));
    }
    // Enum types, SQL text and rows are not part of the model: the model stays as it is.
    return new SchemaModel(tables, sequences);
  }

  private static void renameColumn(SchemaModel model, List<TableModel> tables, RenameColumn r) {
    TableModel t = require(model, r.schema(), r.table());
    requireColumn(t, r.column());
    if (t.column(r.newName()) != null) {
      throw new IllegalArgumentException("cannot rename column " + t.qualifiedName() + "." + r.column() + " to "
          + r.newName() + ": the table has a column of that name");
    }
    UnaryOperator<String> rename = n -> n.equals(r.column()) ? r.newName() : n;
    UnaryOperator<List<String>> renameAll = names -> names.stream().map(rename).toList();
    tables.clear();
    for (TableModel other : model.tables()) {
      // Foreign keys that reference the column follow the rename, as they do in the databases.
      List<ForeignKey> fks = new ArrayList<>();
      for (ForeignKey fk : other.foreignKeys()) {
        List<String> columns = other == t ? renameAll.apply(fk.columns()) : fk.columns();
        List<String> targets = targets(other, fk, t) ? renameAll.apply(fk.targetColumns()) : fk.targetColumns();
        fks.add(new ForeignKey(fk.name(), columns, fk.targetSchema(), fk.targetTable(), targets, fk.onDelete(),
            fk.onUpdate()));
      }
      if (other != t) {
        tables.add(with(other, other.columns(), other.primaryKey(), fks));
        continue;
      }
      List<ColumnModel> columns = t.columns().stream().map(c -> c.name().equals(r.column())
          ? new ColumnModel(r.newName(), c.type(), c.nullable(), c.autoIncrement(), c.unique(), c.serverDefault())
          : c).toList();
      List<UniqueDef> uniques = t.uniques().stream().map(u -> new UniqueDef(u.name(), renameAll.apply(u.columns())))
          .toList();
      List<IndexDef> indexes = t.indexes().stream()
          .map(i -> new IndexDef(i.name(), renameAll.apply(i.columns()), i.unique())).toList();
      // The databases rewrite the name inside check conditions too.
      List<CheckDef> checks = t.checks().stream()
          .map(c -> new CheckDef(c.name(), renameInCondition(c.sql(), r.column(), r.newName()))).toList();
      tables.add(new TableModel(t.schema(), t.name(), columns, renameAll.apply(t.primaryKey()), fks, uniques, checks,
          indexes));
    }
  }

  /**
   * The condition with the column renamed: whole-word and quoted ({@code "x"}, {@code `x`})
   * occurrences outside string literals. Quoted occurrences keep their quotes.
   */
  static String renameInCondition(String condition, String column, String newName) {
    Pattern name = Pattern.compile("'(?:[^']|'')*'|([\"`]?)\\b" + Pattern.quote(column) + "\\b\\1");
    Matcher m = name.matcher(condition);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String found = m.group();
      String replacement = found.startsWith("'") ? found : m.group(1) + newName + m.group(1);
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void alterColumn(SchemaModel model, List<TableModel> tables, String schema, String table,
      String column, UnaryOperator<ColumnModel> change) {
    TableModel t = require(model, schema, table);
    requireColumn(t, column);
    List<ColumnModel> columns = t.columns().stream().map(c -> c.name().equals(column) ? change.apply(c) : c).toList();
    replace(tables, t, with(t, columns, t.primaryKey(), t.foreignKeys()));
  }

  private static TableModel dropConstraint(TableModel t, DropConstraint d) {
    List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
    List<UniqueDef> uniques = new ArrayList<>(t.uniques());
    List<CheckDef> checks = new ArrayList<>(t.checks());
    List<IndexDef> indexes = new ArrayList<>(t.indexes());
    boolean removed;
    List<String> existing;
    switch (d.kind()) {
      case FOREIGN_KEY -> {
        removed = fks.removeIf(fk -> d.name().equals(fk.name()));
        existing = t.foreignKeys().stream().map(ForeignKey::name).toList();
      }
      case UNIQUE -> {
        // A schema read from MariaDB or MySQL has the constraint as a unique index.
        removed = uniques.removeIf(u -> d.name().equals(u.name()))
            || indexes.removeIf(i -> i.unique() && d.name().equals(i.name()));
        existing = t.uniques().stream().map(UniqueDef::name).toList();
      }
      default -> {
        removed = checks.removeIf(c -> d.name().equals(c.name()));
        existing = t.checks().stream().map(CheckDef::name).toList();
      }
    }
    if (!removed) {
      throw new IllegalArgumentException("cannot " + d.describe() + ": table " + t.qualifiedName() + " has no "
          + d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " of that name; it has "
          + existing);
    }
    return new TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(), fks, uniques, checks, indexes);
  }

  private static TableModel with(TableModel t, List<ColumnModel> columns, List<String> primaryKey,
      List<ForeignKey> foreignKeys) {
    return new TableModel(t.schema(), t.name(), columns, primaryKey, foreignKeys, t.uniques(), t.checks(),
        t.indexes());
  }

  private static void replace(List<TableModel> tables, TableModel old, TableModel replacement) {
    tables.set(tables.indexOf(old), replacement);
  }

  /** Whether {@code fk} of {@code owner} references {@code target}: an unqualified target is in the owner's schema. */
  static boolean targets(TableModel owner, ForeignKey fk, TableModel target) {
    String schema = fk.targetSchema() != null ? fk.targetSchema() : owner.schema();
    return fk.targetTable().equals(target.name()) && Objects.equals(schema, target.schema());
  }

  static TableModel require(SchemaModel model, String schema, String table) {
    TableModel t = model.table(schema, table);
    if (t == null) {
      throw new IllegalArgumentException("the schema has no table " + (schema == null ? table : schema + "." + table)
          + "; its tables are " + model.tables().stream().map(TableModel::qualifiedName).toList());
    }
    return t;
  }

  static void requireColumn(TableModel t, String column) {
    if (t.column(column) == null) {
      throw new IllegalArgumentException("table " + t.qualifiedName() + " has no column " + column
          + "; its columns are " + t.columns().stream().map(ColumnModel::name).toList());
    }
  }

  private static void requireUnused(SchemaModel model, TableModel t, String column) {
    List<String> users = new ArrayList<>();
    if (t.primaryKey().contains(column)) {
      users.add("the primary key");
    }
    t.indexes().stream().filter(i -> i.columns().contains(column)).forEach(i -> users.add("index " + i.name()));
    t.uniques().stream().filter(u -> u.columns().contains(column))
        .forEach(u -> users.add("unique constraint " + u.name()));
    t.foreignKeys().stream().filter(fk -> fk.columns().contains(column))
        .forEach(fk -> users.add("foreign key " + fk.name()));
    for (TableModel other : model.tables()) {
      other.foreignKeys().stream().filter(fk -> targets(other, fk, t) && fk.targetColumns().contains(column))
          .forEach(fk -> users.add("foreign key " + fk.name() + " of table " + other.qualifiedName()));
    }
    if (!users.isEmpty()) {
      throw new IllegalArgumentException("cannot drop column " + t.qualifiedName() + "." + column + ": " + users
          + " use it; drop those first");
    }
  }

  private static void requireNewIndexName(SchemaModel model, String schema, String name) {
    for (TableModel t : model.tables()) {
      if (Objects.equals(t.schema(), schema) && t.indexes().stream().anyMatch(i -> name.equals(i.name()))) {
        throw new IllegalArgumentException("cannot create index " + name + ": table " + t.qualifiedName()
            + " has an index of that name");
      }
    }
  }

  private static void requireNewConstraintName(TableModel t, String name) {
    boolean taken = t.foreignKeys().stream().anyMatch(fk -> name.equals(fk.name()))
        || t.uniques().stream().anyMatch(u -> name.equals(u.name()))
        || t.checks().stream().anyMatch(c -> name.equals(c.name()));
    if (taken) {
      throw new IllegalArgumentException("table " + t.qualifiedName() + " has a constraint named " + name);
    }
  }

  private static SequenceDef sequence(SchemaModel model, String schema, String name) {
    for (SequenceDef s : model.sequences()) {
      if (Objects.equals(s.schema(), schema) && s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  private static SequenceDef requireSequence(SchemaModel model, String schema, String name) {
    SequenceDef s = sequence(model, schema, name);
    if (s == null) {
      throw new IllegalArgumentException("the schema has no sequence " + (schema == null ? name : schema + "." + name)
          + "; its sequences are " + model.sequences().stream().map(SequenceDef::name).toList());
    }
    return s;
  }
}
