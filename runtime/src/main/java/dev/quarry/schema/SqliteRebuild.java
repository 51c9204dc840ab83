package dev.quarry.schema;

import dev.quarry.sql.IndexDef;
import dev.quarry.sql.internal.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table changed by copying it (Alembic's {@code batch_alter_table}, SQLite's documented
 * twelve-step procedure), for the changes SQLite's ALTER TABLE cannot make: create the table as it
 * will be under a temporary name, copy the rows, drop the old table (which drops its indexes),
 * rename the copy, create the indexes again.
 *
 * <p>Foreign keys must be off around the statements ({@link Dialect#foreignKeysOffForRebuild()},
 * outside the transaction): with them on, dropping a referenced table deletes or refuses for the
 * rows that reference it. The rows that reference the table keep referencing it by name, so they
 * reference the new copy once it is renamed; {@link Dialect#foreignKeyViolationsQuery()} checks
 * them before the migration commits.
 */
final class SqliteRebuild {
  static final String TEMPORARY_PREFIX = "_quarry_tmp_";

  private SqliteRebuild() {}

  /**
   * The statements turning table {@code before} into {@code after} (same schema and name).
   * {@code sourceOf} maps each column of {@code after} that keeps values to its column in
   * {@code before}; a column it does not name starts with its default (or NULL).
   */
  static List<String> statements(DdlWriter writer, TableModel before, TableModel after,
      Map<String, String> sourceOf) {
    Dialect dialect = writer.dialect();
    String temporary = TEMPORARY_PREFIX + after.name();
    // Self-references keep the table's own name: they point at the copy once it is renamed.
    TableModel copy = new TableModel(after.schema(), temporary, after.columns(), after.primaryKey(),
        after.foreignKeys(), after.uniques(), after.checks(), List.of());
    List<String> out = new ArrayList<>();
    out.add(writer.createTable(copy, java.util.Set.of()));
    List<String> targets = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (ColumnModel c : after.columns()) {
      String source = sourceOf.get(c.name());
      if (source != null && before.column(source) != null) {
        targets.add(dialect.quote(c.name()));
        sources.add(dialect.quote(source));
      }
    }
    if (!targets.isEmpty()) {
      out.add("INSERT INTO " + dialect.quote(after.schema(), temporary) + " (" + String.join(", ", targets)
          + ") SELECT " + String.join(", ", sources) + " FROM " + dialect.quote(before.schema(), before.name()));
    }
    if (after.columns().stream().anyMatch(ColumnModel::autoIncrement)) {
      out.addAll(dialect.copyIdentityCounter(after.schema(), before.name(), temporary));
    }
    out.add(writer.dropTable(before));
    out.add(dialect.renameTable(after.schema(), temporary, after.name()));
    for (IndexDef index : after.indexes()) {
      out.add(writer.createIndex(after, index));
    }
    return out;
  }
}
