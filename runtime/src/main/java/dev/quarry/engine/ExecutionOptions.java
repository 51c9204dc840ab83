package dev.quarry.engine;

import java.time.Duration;

/**
 * Per-execution options.
 *
 * @param fetchSize rows fetched per round trip; 0 lets the driver decide (PostgreSQL then reads
 *     the whole result at once). A positive size streams: on PostgreSQL the engine turns
 *     autocommit off for the life of the result when no transaction is open, because the driver
 *     only uses a cursor inside a transaction; MySQL gets its row-by-row streaming mode.
 * @param timeout cancel the statement after this long ({@link QueryTimeoutException}); null or
 *     zero for none. JDBC counts query timeouts in whole seconds, so the driver's timeout is rounded
 *     up; on SQLite, whose driver has none, the engine interrupts the statement itself, to the
 *     millisecond, and the timeout also covers fetching the rows. On PostgreSQL, MariaDB and MySQL
 *     the engine also bounds the connection's socket reads for the statement
 *     ({@code setNetworkTimeout}) at the rounded-up timeout plus 2 s: when the cancel cannot reach
 *     a frozen server or network, the read gives up, the connection is discarded, and the
 *     {@link QueryTimeoutException} says so. Per-driver details: {@code docs/DATABASES.md}.
 */
public record ExecutionOptions(int fetchSize, Duration timeout) {
  /** Driver defaults, no timeout. */
  public static final ExecutionOptions DEFAULT = new ExecutionOptions(0, null);

  public ExecutionOptions {
    if (fetchSize < 0) {
      throw new IllegalArgumentException("fetchSize must be >= 0, got " + fetchSize);
    }
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
    }
  }

  /** Streaming with this many rows per round trip. */
  public static ExecutionOptions fetchSize(int rows) {
    return new ExecutionOptions(rows, null);
  }

  /** A timeout with the default fetch size. */
  public static ExecutionOptions timeout(Duration timeout) {
    return new ExecutionOptions(0, timeout);
  }

  /** A copy with another fetch size. */
  public ExecutionOptions withFetchSize(int rows) {
    return new ExecutionOptions(rows, timeout);
  }

  /** A copy with another timeout. */
  public ExecutionOptions withTimeout(Duration newTimeout) {
    return new ExecutionOptions(fetchSize, newTimeout);
  }

  boolean hasTimeout() {
    return timeout != null && !timeout.isZero();
  }
}
