package dev.quarry.engine;

import dev.quarry.types.Vendor;
import java.util.List;

/**
 * The database rejected a statement. Carries the SQL, its parameters, the vendor, the SQLState and
 * the vendor error code; subclasses say what kind of failure it was. The message names the SQL
 * and the parameters, with values of secret-looking parameters elided.
 */
public class DatabaseException extends QuarryException {
  private static final long serialVersionUID = 1L;

  private final String sql;
  private final transient List<Parameter> parameters;
  private final Vendor vendor;
  private final String sqlState;
  private final int vendorCode;

  DatabaseException(String message, Throwable cause, FailureContext context) {
    super(message, cause);
    this.sql = context.sql();
    this.parameters = context.parameters();
    this.vendor = context.vendor();
    this.sqlState = context.sqlState();
    this.vendorCode = context.vendorCode();
  }

  /** The SQL text that failed, or null when the failure was not about one statement. */
  public String sql() {
    return sql;
  }

  /** The parameters bound to the statement (the first row of a batch); empty when none. */
  public List<Parameter> parameters() {
    return parameters == null ? List.of() : parameters;
  }

  /** The database the statement ran on. */
  public Vendor vendor() {
    return vendor;
  }

  /** The SQLState reported by the driver, or null (SQLite reports none). */
  public String sqlState() {
    return sqlState;
  }

  /** The driver's vendor error code (SQLite result code, H2 / MySQL error number); 0 when none. */
  public int vendorCode() {
    return vendorCode;
  }

  /**
   * Whether running the whole transaction again may succeed (serialization failures, deadlocks).
   * The transaction has been rolled back by the database; retry it from its start.
   */
  public boolean isRetryable() {
    return false;
  }
}
