package dev.quarry.orm.internal;

import dev.quarry.engine.BatchResult;
import dev.quarry.engine.Connection;
import dev.quarry.engine.CursorScan;
import dev.quarry.engine.Executable;
import dev.quarry.types.Vendor;
import java.util.List;

/**
 * Where the {@link Persister}'s statements run: a session's connection (which counts them for the
 * session) or, for the generated DAOs, a plain engine connection. Either way the engine executes.
 */
public interface StatementRunner {
  Vendor vendor();

  /** Runs a query and hands its open cursor to {@code scan}. */
  <R> R query(Executable statement, CursorScan<R> scan);

  /** Runs {@code template} once per row of values, as one batch where the driver allows. */
  BatchResult batch(Executable template, List<? extends List<?>> rows);

  /** Statements on an engine connection, outside any session. */
  static StatementRunner of(Connection connection) {
    return new StatementRunner() {
      @Override
      public Vendor vendor() {
        return connection.vendor();
      }

      @Override
      public <R> R query(Executable statement, CursorScan<R> scan) {
        return connection.execute(statement).scan(scan);
      }

      @Override
      public BatchResult batch(Executable template, List<? extends List<?>> rows) {
        return connection.executeBatch(template, rows);
      }
    };
  }
}
