package dev.quarry.engine;

import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one object straight from the cursor's current row, by column index — the path generated
 * mappings use so that no intermediate {@link Row} (and no boxing of every value) is built.
 */
@FunctionalInterface
public interface CursorReader<T> {
  /** The object for the current row of {@code rs}; must not move the cursor. */
  T read(ResultSet rs, Vendor vendor) throws SQLException;
}
