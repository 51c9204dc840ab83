package dev.quarry.engine;

import java.util.List;

/** The outcome of a JDBC batch: one update count per parameter row and the generated keys, if asked for. */
public final class BatchResult {
  private final int[] counts;
  private final List<Row> generatedKeys;
  private final int executions;

  BatchResult(int[] counts, List<Row> generatedKeys, int executions) {
    this.counts = counts.clone();
    this.generatedKeys = List.copyOf(generatedKeys);
    this.executions = executions;
  }

  /**
   * How many times the statement went to the database: 1 for a JDBC batch, one per row where the
   * driver could not return every row's generated key from a batch (or for a single row).
   */
  public int executions() {
    return executions;
  }

  /**
   * Rows affected per parameter row, as the driver reports them; a driver may report
   * {@link java.sql.Statement#SUCCESS_NO_INFO} (-2) when it does not know.
   */
  public int[] counts() {
    return counts.clone();
  }

  /** Number of parameter rows executed. */
  public int size() {
    return counts.length;
  }

  /** Sum of the known counts. */
  public long totalCount() {
    long total = 0;
    for (int c : counts) {
      if (c > 0) {
        total += c;
      }
    }
    return total;
  }

  /** One row of generated keys per inserted row, in order; empty unless the statement asked for keys. */
  public List<Row> generatedKeys() {
    return generatedKeys;
  }

  @Override
  public String toString() {
    return "BatchResult[" + counts.length + " rows, " + totalCount() + " affected]";
  }
}
