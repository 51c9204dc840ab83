package dev.quarry.engine;

/**
 * How to run one transaction: its isolation level (null: the engine's default) and whether it is
 * read-only. Read-only is enforced by PostgreSQL ({@code BEGIN READ ONLY}) and SQLite
 * ({@code PRAGMA query_only}); H2 accepts the flag as a hint and does not enforce it.
 *
 * @param isolation the isolation level, or null for the connection's default
 * @param readOnly whether writes are refused
 */
public record TransactionOptions(IsolationLevel isolation, boolean readOnly) {
  /** The engine's default isolation, read-write. */
  public static final TransactionOptions DEFAULT = new TransactionOptions(null, false);

  /** Options with an isolation level, read-write. */
  public static TransactionOptions isolation(IsolationLevel level) {
    return new TransactionOptions(level, false);
  }

  /** Read-only with the default isolation. */
  public static TransactionOptions readOnlyTransaction() {
    return new TransactionOptions(null, true);
  }

  /** A copy with another isolation level. */
  public TransactionOptions withIsolation(IsolationLevel level) {
    return new TransactionOptions(level, readOnly);
  }

  /** A copy with another read-only flag. */
  public TransactionOptions withReadOnly(boolean flag) {
    return new TransactionOptions(isolation, flag);
  }
}
