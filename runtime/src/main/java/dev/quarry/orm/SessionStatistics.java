package dev.quarry.orm;

/**
 * Counters of one session: statements executed (a JDBC batch counts once, its rows in
 * {@link #batchedRows()}), flushes, and the objects it tracks.
 */
public interface SessionStatistics {
  /** Statements executed by this session (each JDBC execute or executeBatch call). */
  long statements();

  /** Parameter sets sent in JDBC batches. */
  long batchedRows();

  /** Flushes that wrote at least one statement. */
  long flushes();

  /** Objects in the identity map. */
  int identityMapSize();
}
