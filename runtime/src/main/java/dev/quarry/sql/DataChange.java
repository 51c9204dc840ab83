package dev.quarry.sql;

import dev.quarry.engine.Executable;
import java.util.Set;

/**
 * A statement that writes rows of one table (INSERT, UPDATE, DELETE): what a session needs to keep
 * the objects it has loaded from that table right after running it.
 */
public interface DataChange extends Executable {
  /** The table whose rows the statement writes. */
  Table table();

  /** Whether rows that existed before may have changed or gone (UPDATE, DELETE, an upsert that updates). */
  boolean changesExistingRows();

  /** {@link #table()}, by its qualified name; none when there is no table (a checked {@code @Query} that only reads). */
  @Override
  default Set<String> writes() {
    Table table = table();
    return table == null ? Set.of() : Set.of(table.qualifiedName());
  }
}
