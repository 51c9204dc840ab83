package dev.quarry.schema;

import dev.quarry.types.Vendor;
import java.util.List;
import java.util.Map;

/**
 * Schema changes for one database: the DDL of each {@link SchemaChange}, and the changes that
 * turn one {@link SchemaModel} into another (Alembic's autogenerate comparison).
 */
public final class SchemaChanges {
  private SchemaChanges() {}

  /**
   * Rename hints for {@link #diff}: a table or column that the diff would otherwise see as dropped
   * and added is renamed instead. {@code tables} maps an old table name to its new name;
   * {@code columns} maps {@code table.oldColumn} (the table's new name) to the column's new name.
   */
  public record Renames(Map<String, String> tables, Map<String, String> columns) {
    public static final Renames NONE = new Renames(Map.of(), Map.of());

    public Renames {
      tables = Map.copyOf(tables);
      columns = Map.copyOf(columns);
    }
  }

  /**
   * The result of {@link #diff}: the changes in an order that runs, and notes for a person
   * reading them (possible renames seen as a drop and an add, what could not be compared).
   */
  public record Diff(List<SchemaChange> changes, List<String> notes) {
    public Diff {
      changes = List.copyOf(changes);
      notes = List.copyOf(notes);
    }

    /** Whether the two models are the same for the database. */
    public boolean isEmpty() {
      return changes.isEmpty();
    }
  }

  /**
   * The DDL statements that apply {@code change} on {@code vendor} to a schema that is
   * {@code before} (read for what a change names only: a dropped column's table on SQLite, which is
   * rebuilt; the full definition MySQL's {@code MODIFY COLUMN} repeats).
   */
  public static List<String> statements(SchemaChange change, SchemaModel before, Vendor vendor) {
    return new AlterWriter(DdlWriter.of(vendor)).statements(change, before);
  }

  /**
   * The DDL statements that apply {@code changes}, in order, on {@code vendor} to a schema that is
   * {@code before}. Where tables are rebuilt to be altered (SQLite), consecutive changes to one
   * table are made by one rebuild (Alembic's {@code batch_alter_table}), so its rows are copied once.
   */
  public static List<String> statements(List<SchemaChange> changes, SchemaModel before, Vendor vendor) {
    return new AlterWriter(DdlWriter.of(vendor)).statements(changes, before);
  }

  /**
   * As {@link #statements(List, SchemaModel, Vendor)}, every name quoted as {@code quoting} says:
   * an engine's {@code identifierQuoting()}, so that the DDL names what its queries name.
   */
  public static List<String> statements(List<SchemaChange> changes, SchemaModel before, Vendor vendor,
      dev.quarry.engine.IdentifierQuoting quoting) {
    return new AlterWriter(new DdlWriter(dev.quarry.sql.internal.Dialect.of(vendor, quoting)))
        .statements(changes, before);
  }

  /**
   * The changes that turn {@code from} (typically read from the database) into {@code to}
   * (typically the entities' model) on {@code vendor}, comparing each side as that database keeps
   * it, so that a model compared with the schema it created is empty.
   */
  public static Diff diff(SchemaModel from, SchemaModel to, Vendor vendor, Renames renames) {
    return new SchemaComparer(dev.quarry.sql.internal.Dialect.of(vendor)).compare(from, to,
        renames == null ? Renames.NONE : renames);
  }
}
