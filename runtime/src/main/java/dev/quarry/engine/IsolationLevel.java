package dev.quarry.engine;

/**
 * Transaction isolation levels. SQLite transactions are always serializable whatever is asked
 * (the SQL standard allows a stronger level); H2 and PostgreSQL honour each level (PostgreSQL
 * runs READ UNCOMMITTED as READ COMMITTED).
 */
public enum IsolationLevel {
  READ_UNCOMMITTED(java.sql.Connection.TRANSACTION_READ_UNCOMMITTED),
  READ_COMMITTED(java.sql.Connection.TRANSACTION_READ_COMMITTED),
  REPEATABLE_READ(java.sql.Connection.TRANSACTION_REPEATABLE_READ),
  SERIALIZABLE(java.sql.Connection.TRANSACTION_SERIALIZABLE);

  private final int jdbcLevel;

  IsolationLevel(int jdbcLevel) {
    this.jdbcLevel = jdbcLevel;
  }

  /** The {@code java.sql.Connection.TRANSACTION_*} constant. */
  public int jdbcLevel() {
    return jdbcLevel;
  }

  /** The level for a JDBC constant, or null for {@code TRANSACTION_NONE} / unknown values. */
  public static IsolationLevel fromJdbc(int level) {
    for (IsolationLevel l : values()) {
      if (l.jdbcLevel == level) {
        return l;
      }
    }
    return null;
  }
}
