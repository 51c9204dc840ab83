package dev.quarry.engine;

import java.time.Duration;
import java.util.List;

/**
 * A statement execution that finished, as reported to {@link EngineListener#afterExecute}.
 *
 * @param sql the SQL text
 * @param parameters the bound parameters (of the first row for a batch)
 * @param batchSize number of parameter rows; 1 for a single execution
 * @param elapsed time until the driver's execute returned
 * @param rowCount rows affected (summed over a batch); -1 for queries and when the driver does not know
 * @param failure the error raised, or null on success
 */
public record ExecutionEvent(String sql, List<Parameter> parameters, int batchSize, Duration elapsed,
    long rowCount, DatabaseException failure) {
  /** Whether the execution succeeded. */
  public boolean succeeded() {
    return failure == null;
  }
}
