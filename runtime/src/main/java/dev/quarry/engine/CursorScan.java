package dev.quarry.engine;

import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a whole result straight from its open JDBC cursor, in a row loop of its own. A loader
 * keeps its loop in its own code so the JIT compiles the loop together with that loader's row
 * reading (one call site, {@code next()} inlined), where a loop shared by every caller would call
 * each row's reader through one megamorphic call. Failures it throws are translated by the
 * engine like any other.
 */
@FunctionalInterface
public interface CursorScan<R> {
  /** Reads the rows of {@code rs} (it may stop early) and returns what it made of them. */
  R scan(ResultSet rs, Vendor vendor) throws SQLException;
}
