package dev.quarry.engine;

import java.time.Duration;

/**
 * Counters of one engine since it was created: statements executed (a JDBC batch counts as one
 * execution, as one round trip), of which failed, and the time spent executing them (until
 * {@code execute} returned, not fetching). Tests use differences of two snapshots to count queries.
 *
 * @param statements executions, successful or not
 * @param failures executions that raised an error
 * @param totalTime time spent in the driver's execute calls
 */
public record EngineStatistics(long statements, long failures, Duration totalTime) {
  /** The counters accumulated since {@code earlier}. */
  public EngineStatistics since(EngineStatistics earlier) {
    return new EngineStatistics(statements - earlier.statements, failures - earlier.failures,
        totalTime.minus(earlier.totalTime));
  }
}
