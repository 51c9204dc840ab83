package dev.quarry.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * For upper layers that run JDBC statements themselves on an engine connection (the ORM reads
 * rows with generated code straight from the {@code ResultSet} and batches its own DML): report
 * each execution to the engine so statistics, SQL logging and listeners see it, and turn
 * failures into the engine's typed exceptions.
 */
public final class RawExecution {
  private RawExecution() {}

  /** Before executing {@code sql} with {@code parameters} (the first row of a batch). */
  public static void before(Connection connection, String sql, List<Parameter> parameters) {
    if (connection.engine() instanceof DefaultEngine engine) {
      engine.beforeExecute(sql, parameters);
    }
  }

  /** After an execution of {@code batchSize} parameter rows finished (failure null on success). */
  public static void after(Connection connection, String sql, List<Parameter> parameters, int batchSize,
      long elapsedNanos, long rowCount, DatabaseException failure) {
    if (connection.engine() instanceof DefaultEngine engine) {
      engine.afterExecute(new ExecutionEvent(sql, parameters, batchSize, Duration.ofNanos(elapsedNanos), rowCount,
          failure));
    }
  }

  /** The typed exception for a failure of {@code sql} run with {@code rows} of parameters. */
  public static DatabaseException translate(Connection connection, SQLException e, String sql,
      List<List<Parameter>> rows) {
    if (connection instanceof DefaultConnection) {
      return ((DefaultConnection) connection).translate(e, sql, rows); // also marks a dead connection for eviction
    }
    return ExceptionTranslator.translate(e, connection.vendor(), sql, rows, false);
  }

  /** The engine's error for a query that had to return one row and returned none. */
  public static NoResultException noResult(String message) {
    return new NoResultException(message);
  }

  /** The engine's error for a query that had to return at most one row and returned several. */
  public static NonUniqueResultException nonUnique(String message) {
    return new NonUniqueResultException(message);
  }
}
