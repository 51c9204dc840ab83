package dev.quarry.engine;

import java.util.List;

/**
 * A statement violated an integrity constraint. Subclasses name the kind (unique, foreign key,
 * not null, check); this class itself is used for other kinds (e.g. PostgreSQL exclusion
 * constraints). Constraint, table and columns are filled in as far as the driver's message tells.
 */
public class IntegrityViolationException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  private final String constraintName;
  private final String table;
  private final List<String> columns;

  IntegrityViolationException(String message, Throwable cause, FailureContext context, ConstraintInfo info) {
    super(message, cause, context);
    this.constraintName = info.constraint();
    this.table = info.table();
    this.columns = info.columns();
  }

  /** The violated constraint's name, or null when the database does not report it (SQLite unique / foreign keys). */
  public String constraintName() {
    return constraintName;
  }

  /** The table, or null when unknown. */
  public String table() {
    return table;
  }

  /** The first column involved, or null when unknown. */
  public String column() {
    return columns.isEmpty() ? null : columns.get(0);
  }

  /** The columns involved, as far as known. */
  public List<String> columns() {
    return columns;
  }
}
