package dev.quarry.engine;

import java.util.List;

/** The outcome of a JDBC batch: one update count per parameter row and the generated keys, if asked for. */
public final class BatchResult {
  private final int[] counts;
  private final List<Row> generatedKeys;

  BatchResult(int[] counts, List<Row> generatedKeys) {
    this.counts = counts.clone();
    this.generatedKeys = List.copyOf(generatedKeys);
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
