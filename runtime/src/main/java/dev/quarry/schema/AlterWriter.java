package dev.quarry.schema;

import dev.quarry.schema.SchemaChange.AddCheck;
import dev.quarry.schema.SchemaChange.AddColumn;
import dev.quarry.schema.SchemaChange.AddForeignKey;
import dev.quarry.schema.SchemaChange.AddUnique;
import dev.quarry.schema.SchemaChange.AlterColumnDefault;
import dev.quarry.schema.SchemaChange.AlterColumnNullable;
import dev.quarry.schema.SchemaChange.AlterColumnType;
import dev.quarry.schema.SchemaChange.AlterSequence;
import dev.quarry.schema.SchemaChange.CreateEnumType;
import dev.quarry.schema.SchemaChange.CreateIndex;
import dev.quarry.schema.SchemaChange.CreateSequence;
import dev.quarry.schema.SchemaChange.CreateTable;
import dev.quarry.schema.SchemaChange.DropColumn;
import dev.quarry.schema.SchemaChange.DropConstraint;
import dev.quarry.schema.SchemaChange.DropEnumType;
import dev.quarry.schema.SchemaChange.DropIndex;
import dev.quarry.schema.SchemaChange.DropSequence;
import dev.quarry.schema.SchemaChange.DropTable;
import dev.quarry.schema.SchemaChange.ExecuteSql;
import dev.quarry.schema.SchemaChange.InsertRows;
import dev.quarry.schema.SchemaChange.RenameColumn;
import dev.quarry.schema.SchemaChange.RenameTable;
import dev.quarry.sql.IndexDef;
import dev.quarry.sql.SequenceDef;
import dev.quarry.sql.internal.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The DDL of each {@link SchemaChange} for one database. What differs between databases is asked
 * of the {@link Dialect}; where a database cannot alter a table in place (SQLite), the change is
 * made by a {@link SqliteRebuild} of the table as {@link SchemaModel#apply} says it becomes.
 */
final class AlterWriter {
  private final DdlWriter writer;
  private final Dialect dialect;

  AlterWriter(DdlWriter writer) {
    this.writer = writer;
    this.dialect = writer.dialect();
  }

  /**
   * The DDL of changes run in order from {@code before}. Where tables are rebuilt, consecutive
   * changes to one table that need a rebuild (and renames of its columns between them) are made by
   * one rebuild, as Alembic's {@code batch_alter_table} does: the rows are copied once.
   */
  List<String> statements(List<SchemaChange> changes, SchemaModel before) {
    List<String> out = new ArrayList<>();
    SchemaModel model = before;
    int i = 0;
    while (i < changes.size()) {
      SchemaChange change = changes.get(i);
      if (!needsRebuild(change)) {
        out.addAll(statements(change, model));
        model = model.apply(change);
        i++;
        continue;
      }
      TableModel old = rebuiltTable(change, model);
      Map<String, String> sourceOf = new HashMap<>();
      old.columns().forEach(c -> sourceOf.put(c.name(), c.name()));
      SchemaModel changed = model;
      int next = i;
      for (; next < changes.size() && inBatch(changes.get(next), old); next++) {
        SchemaChange c = changes.get(next);
        if (c instanceof AddColumn a) {
          sourceOf.remove(a.column().name());
        } else if (c instanceof DropColumn d) {
          sourceOf.remove(d.column());
        } else if (c instanceof RenameColumn r) {
          String source = sourceOf.remove(r.column());
          if (source != null) {
            sourceOf.put(r.newName(), source);
          }
        }
        changed = changed.apply(c);
      }
      out.addAll(SqliteRebuild.statements(writer, old, changed.table(old.schema(), old.name()), sourceOf));
      model = changed;
      i = next;
    }
    return out;
  }

  /** Whether the change is made by the rebuild of {@code table} that a change before it started. */
  private boolean inBatch(SchemaChange change, TableModel table) {
    if (change instanceof RenameColumn r) {
      return Objects.equals(r.schema(), table.schema()) && r.table().equals(table.name());
    }
    if (!needsRebuild(change)) {
      return false;
    }
    String[] name = tableOf(change);
    return Objects.equals(name[0], table.schema()) && name[1].equals(table.name());
  }

  List<String> statements(SchemaChange change, SchemaModel before) {
    if (needsRebuild(change)) {
      return statements(List.of(change), before);
    }
    if (change instanceof CreateTable c) {
      List<String> out = new ArrayList<>();
      out.add(writer.createTable(c.table(), java.util.Set.of()));
      for (IndexDef index : c.table().indexes()) {
        out.add(writer.createIndex(c.table(), index));
      }
      return out;
    } else if (change instanceof DropTable d) {
      return List.of("DROP TABLE " + dialect.quote(d.schema(), d.table()));
    } else if (change instanceof RenameTable r) {
      return List.of(dialect.renameTable(r.schema(), r.table(), r.newName()));
    } else if (change instanceof AddColumn a) {
      return List.of(dialect.addColumn(a.schema(), a.table(), writer.columnDefinition(a.column(), true)));
    } else if (change instanceof DropColumn d) {
      return List.of(dialect.dropColumn(d.schema(), d.table(), d.column()));
    } else if (change instanceof RenameColumn r) {
      return List.of(dialect.renameColumn(r.schema(), r.table(), r.column(), r.newName()));
    } else if (change instanceof AlterColumnType a) {
      ColumnModel c = column(before, a.schema(), a.table(), a.column());
      String definition = c == null ? null : writer.columnDefinition(
          new ColumnModel(c.name(), a.type(), c.nullable(), c.autoIncrement(), c.unique(), c.serverDefault()), false);
      return List.of(dialect.alterColumnType(a.schema(), a.table(), a.column(), a.type(), definition));
    } else if (change instanceof AlterColumnNullable a) {
      ColumnModel c = column(before, a.schema(), a.table(), a.column());
      String definition = c == null ? null : writer.columnDefinition(
          new ColumnModel(c.name(), c.type(), a.nullable(), c.autoIncrement(), c.unique(), c.serverDefault()), false);
      return List.of(dialect.alterColumnNullable(a.schema(), a.table(), a.column(), a.nullable(), definition));
    } else if (change instanceof AlterColumnDefault a) {
      return List.of(dialect.alterColumnDefault(a.schema(), a.table(), a.column(), a.serverDefault()));
    } else if (change instanceof CreateIndex c) {
      return List.of(writer.createIndex(table(before, c.schema(), c.table()), c.index()));
    } else if (change instanceof DropIndex d) {
      return List.of(dialect.dropIndex(d.schema(), d.table(), d.name()));
    } else if (change instanceof AddUnique a) {
      return List.of(writer.addUnique(a.schema(), a.table(), a.unique()));
    } else if (change instanceof AddForeignKey a) {
      return List.of(writer.addForeignKey(table(before, a.schema(), a.table()), a.foreignKey()));
    } else if (change instanceof AddCheck a) {
      return List.of(writer.addCheck(a.schema(), a.table(), a.check()));
    } else if (change instanceof DropConstraint d) {
      return switch (d.kind()) {
        case UNIQUE -> List.of(dialect.dropUnique(d.schema(), d.table(), d.name()));
        case FOREIGN_KEY -> dropForeignKey(d, before);
        case CHECK -> List.of(dialect.dropCheck(d.schema(), d.table(), d.name()));
      };
    } else if (change instanceof CreateSequence c) {
      return List.of(writer.createSequence(c.sequence()));
    } else if (change instanceof DropSequence d) {
      return List.of(writer.dropSequence(new SequenceDef(d.schema(), d.name(), 1)));
    } else if (change instanceof AlterSequence a) {
      return List.of(dialect.alterSequenceIncrement(a.schema(), a.name(), a.incrementBy()));
    } else if (change instanceof CreateEnumType c) {
      return List.of(dialect.createEnumType(c.schema(), c.name(), c.values()));
    } else if (change instanceof DropEnumType d) {
      return List.of(dialect.dropEnumType(d.schema(), d.name()));
    } else if (change instanceof ExecuteSql e) {
      return List.of(e.sql());
    } else if (change instanceof InsertRows i) {
      return insertRows(i);
    }
    throw new IllegalArgumentException("no DDL for " + change);
  }

  /**
   * The key, and where the database made an index for it that outlives it, that index: the
   * schema then reads as it did before the key was added.
   */
  private List<String> dropForeignKey(DropConstraint d, SchemaModel before) {
    String drop = dialect.dropForeignKey(d.schema(), d.table(), d.name());
    TableModel t = before == null ? null : before.table(d.schema(), d.table());
    if (!dialect.keepsForeignKeyIndexAfterDrop() || t == null) {
      return List.of(drop);
    }
    for (dev.quarry.sql.ForeignKey fk : t.foreignKeys()) {
      if (d.name().equals(fk.name()) && !hasIndexStartingWith(t, fk.columns())) {
        return List.of(drop, dialect.dropIndex(d.schema(), d.table(), d.name()));
      }
    }
    return List.of(drop);
  }

  /** Whether an index (or the key or a unique constraint) of the table starts with these columns, in order. */
  private static boolean hasIndexStartingWith(TableModel t, List<String> columns) {
    List<List<String>> indexed = new ArrayList<>();
    indexed.add(t.primaryKey());
    t.indexes().forEach(i -> indexed.add(i.columns()));
    t.uniques().forEach(u -> indexed.add(u.columns()));
    t.columns().stream().filter(ColumnModel::unique).forEach(c -> indexed.add(List.of(c.name())));
    return indexed.stream().anyMatch(i -> i.size() >= columns.size() && i.subList(0, columns.size()).equals(columns));
  }

  /** Whether the change is made by rebuilding its table, on a database whose ALTER TABLE cannot make it. */
  boolean needsRebuild(SchemaChange change) {
    if (!dialect.rebuildsTableToAlter()) {
      return false;
    }
    if (change instanceof AddColumn a) {
      ColumnModel c = a.column();
      return !dialect.addsColumnInPlace(!c.nullable(), c.unique(), c.serverDefault());
    }
    return change instanceof DropColumn || change instanceof AlterColumnType || change instanceof AlterColumnNullable
        || change instanceof AlterColumnDefault || change instanceof AddUnique || change instanceof AddForeignKey
        || change instanceof AddCheck || change instanceof DropConstraint;
  }

  /** The table a change that rebuilds names, before it. */
  static TableModel rebuiltTable(SchemaChange change, SchemaModel before) {
    String[] name = tableOf(change);
    return SchemaEdits.require(before, name[0], name[1]);
  }

  /** Schema and table of a change that alters one table. */
  private static String[] tableOf(SchemaChange change) {
    if (change instanceof AddColumn c) {
      return new String[] {c.schema(), c.table()};
    } else if (change instanceof DropColumn c) {
      return new String[] {c.schema(), c.table()};
    } else if (change instanceof AlterColumnType c) {
      return new String[] {c.schema(), c.table()};
    } else if (change instanceof AlterColumnNullable c) {
      return new String[] {c.schema(), c.table()};
    } else if (change instanceof AlterColumnDefault c) {
      return new String[] {c.schema(), c.table()};
    } else if (change instanceof AddUnique c) {
      return new String[] {c.schema(), c.table()};
    } else if (change instanceof AddForeignKey c) {
      return new String[] {c.schema(), c.table()};
    } else if (change instanceof AddCheck c) {
      return new String[] {c.schema(), c.table()};
    } else if (change instanceof DropConstraint c) {
      return new String[] {c.schema(), c.table()};
    }
    throw new IllegalArgumentException("not a change of one table's definition: " + change.describe());
  }

  /**
   * One INSERT per row, values as literals: this is the offline script's text only, run by a
   * person who reviews it; against a database the migrator binds the values itself.
   */
  private List<String> insertRows(InsertRows insert) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> row : insert.rows()) {
      List<String> columns = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (Map.Entry<String, Object> e : row.entrySet()) {
        columns.add(dialect.quote(e.getKey()));
        try {
          values.add(e.getValue() == null ? "NULL" : dialect.literal(e.getValue()));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(insert.describe() + ": column " + e.getKey() + ": " + ex.getMessage(), ex);
        }
      }
      out.add("INSERT INTO " + dialect.quote(insert.schema(), insert.table()) + " (" + String.join(", ", columns)
          + ") VALUES (" + String.join(", ", values) + ")");
    }
    return out;
  }

  private static ColumnModel column(SchemaModel before, String schema, String table, String column) {
    TableModel t = before == null ? null : before.table(schema, table);
    return t == null ? null : t.column(column);
  }

  /** The table as {@code before} has it, or one that only names it (what DDL naming the table needs). */
  private static TableModel table(SchemaModel before, String schema, String table) {
    TableModel t = before == null ? null : before.table(schema, table);
    return t != null ? t : new TableModel(schema, table, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of());
  }
}
