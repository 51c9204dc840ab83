package dev.quarry.engine;

import dev.quarry.types.Vendor;
import java.sql.BatchUpdateException;
import java.time.Duration;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a driver's {@link SQLException} into a typed {@link DatabaseException}: first by the
 * vendor's own error codes (SQLite result codes, H2 and MySQL/MariaDB error numbers), then by
 * SQLState class (PostgreSQL and the standard), then by the JDBC exception subclass.
 */
final class ExceptionTranslator {
  private ExceptionTranslator() {}

  /** What went wrong, independent of vendor. */
  enum Kind {
    UNIQUE("Unique constraint violated"),
    FOREIGN_KEY("Foreign key constraint violated"),
    NOT_NULL("NOT NULL constraint violated"),
    CHECK("Check constraint violated"),
    INTEGRITY("Integrity constraint violated"),
    TOO_LONG("Value too long"),
    DATA("Invalid value"),
    CONNECTION("Connection failed or lost"),
    QUERY_TIMEOUT("Statement timed out"),
    LOCK_TIMEOUT("Lock not acquired in time"),
    BUSY("Database busy: another connection holds the lock (retry the transaction)"),
    SERIALIZATION("Serialization failure (retry the transaction)"),
    DEADLOCK("Deadlock (retry the transaction)"),
    PROGRAMMING("Invalid statement"),
    OTHER("Database error");

    final String headline;

    Kind(String headline) {
      this.headline = headline;
    }
  }

  /**
   * The typed exception for a failure of {@code sql} run with {@code rows} (one row of
   * parameters, or every row of a batch).
   */
  static DatabaseException translate(SQLException e, Vendor vendor, String sql, List<List<Parameter>> rows,
      boolean timedOut) {
    return translate(e, vendor, sql, rows, timedOut, BusyWait.UNKNOWN);
  }

  /**
   * How long a statement that found the database busy waited, and the busy timeout it waited
   * under, read only when the database was busy (a query on the connection).
   */
  record BusyWait(Duration waited, java.util.function.Supplier<Duration> configured) {
    static final BusyWait UNKNOWN = new BusyWait(Duration.ZERO, () -> null);
  }

  /**
   * The statement's timeout passed and the cancel did not come back (a frozen server or
   * network): the socket's bound cut the connection, reported as {@code lost}.
   */
  static QueryTimeoutException frozen(ConnectionLostException lost, Duration timeout) {
    String message = "Statement timed out after " + timeout.toMillis() + " ms and the database did not answer the "
        + "cancel within " + SocketBound.CANCEL_GRACE.toMillis() + " ms more, so the connection was cut and is "
        + "discarded: " + lost.getMessage();
    return new QueryTimeoutException(message, lost.getCause(),
        new FailureContext(lost.sql(), lost.parameters(), lost.vendor(), lost.sqlState(), lost.vendorCode()));
  }

  static DatabaseException translate(SQLException e, Vendor vendor, String sql, List<List<Parameter>> rows,
      boolean timedOut, BusyWait busy) {
    SQLException detail = e;
    if (e instanceof BatchUpdateException && e.getNextException() != null) {
      detail = e.getNextException(); // the server's own error behind "batch entry N was aborted"
    }
    String state = detail.getSQLState() != null ? detail.getSQLState() : e.getSQLState();
    int code = detail.getErrorCode() != 0 ? detail.getErrorCode() : e.getErrorCode();
    String raw = detail.getMessage() == null ? e.getMessage() : detail.getMessage();
    Kind kind = classify(vendor, state, code, raw == null ? "" : raw, detail);
    if (timedOut && kind == Kind.OTHER) {
      kind = Kind.QUERY_TIMEOUT;
    }
    ConstraintInfo info = isIntegrity(kind) || kind == Kind.TOO_LONG
        ? ConstraintParser.parse(vendor, kind, raw == null ? "" : raw) : ConstraintInfo.UNKNOWN;
    String scrubbed = ParameterFormat.scrub(raw, rows);
    Throwable cause = ParameterFormat.hasSecrets(rows) && leaksSecrets(e, rows) ? sanitizedCopy(e, rows) : e;
    String message = message(kind, info, vendor, state, code, scrubbed, sql, rows);
    FailureContext context = new FailureContext(sql, rows.isEmpty() ? List.of() : rows.get(0), vendor, state, code);
    switch (kind) {
      case UNIQUE:
        return new UniqueViolationException(message, cause, context, info);
      case FOREIGN_KEY:
        return new ForeignKeyViolationException(message, cause, context, info);
      case NOT_NULL:
        return new NotNullViolationException(message, cause, context, info);
      case CHECK:
        return new CheckViolationException(message, cause, context, info);
      case INTEGRITY:
        return new IntegrityViolationException(message, cause, context, info);
      case TOO_LONG:
        return new ValueTooLongException(message, cause, context);
      case DATA:
        return new DataException(message, cause, context);
      case CONNECTION:
        return new ConnectionLostException(message, cause, context);
      case QUERY_TIMEOUT:
        return new QueryTimeoutException(message, cause, context);
      case LOCK_TIMEOUT:
        return new LockTimeoutException(message, cause, context);
      case BUSY:
        Duration configured = busy.configured().get();
        return new DatabaseBusyException(message + "\n  Waited " + busy.waited().toMillis() + " ms"
            + (configured == null ? "" : " (busy timeout " + configured.toMillis() + " ms)"), cause, context,
            busy.waited(), configured);
      case SERIALIZATION:
        return new SerializationFailureException(message, cause, context);
      case DEADLOCK:
        return new DeadlockException(message, cause, context);
      case PROGRAMMING:
        return new ProgrammingException(message, cause, context);
      default:
        return new DatabaseException(message, cause, context);
    }
  }

  /**
   * A driver's or server's bind-parameter limit: pgjdbc's "can have at most 65,535 parameters",
   * SQLite's "too many SQL variables", MySQL/MariaDB error 1390 (server-side prepared statements).
   */
  static boolean tooManyParameters(Vendor vendor, int code, String message) {
    return message.contains("can have at most") && message.contains("parameters")
        || message.contains("too many SQL variables")
        || (vendor == Vendor.MYSQL || vendor == Vendor.MARIADB) && code == 1390;
  }

  private static boolean isIntegrity(Kind kind) {
    return kind == Kind.UNIQUE || kind == Kind.FOREIGN_KEY || kind == Kind.NOT_NULL || kind == Kind.CHECK
        || kind == Kind.INTEGRITY;
  }

  static Kind classify(Vendor vendor, String state, int code, String message, SQLException e) {
    if (tooManyParameters(vendor, code, message)) {
      return Kind.PROGRAMMING; // the statement's shape is wrong, not a value (pgjdbc says SQLState 22023)
    }
    Kind kind = null;
    switch (vendor) {
      case SQLITE:
        kind = sqlite(code, message);
        break;
      case H2:
        kind = h2(code, message);
        break;
      case MYSQL:
      case MARIADB:
        kind = mysql(code);
        break;
      default:
        break;
    }
    if (kind == null) {
      kind = bySqlState(state);
    }
    if (kind == null) {
      kind = byExceptionClass(e);
    }
    return kind == null ? Kind.OTHER : kind;
  }

  private static final Pattern DECLARED_LENGTH_CHECK =
      Pattern.compile("CHECK constraint failed: length\\([^()]+\\) <= [0-9]+");

  /** sqlite-jdbc reports the primary result code and puts the extended code's name in the message. */
  private static Kind sqlite(int code, String message) {
    String name = "";
    if (message.startsWith("[")) {
      int end = message.indexOf(']');
      name = end > 0 ? message.substring(1, end) : "";
    }
    switch (name) {
      case "SQLITE_CONSTRAINT_UNIQUE":
      case "SQLITE_CONSTRAINT_PRIMARYKEY":
        return Kind.UNIQUE;
      case "SQLITE_CONSTRAINT_FOREIGNKEY":
        return Kind.FOREIGN_KEY;
      case "SQLITE_CONSTRAINT_NOTNULL":
        return Kind.NOT_NULL;
      case "SQLITE_CONSTRAINT_CHECK":
        // The length check DDL adds to VARCHAR(n) columns, as SQLite does not enforce n.
        return DECLARED_LENGTH_CHECK.matcher(message).find() ? Kind.TOO_LONG : Kind.CHECK;
      case "SQLITE_CONSTRAINT_DATATYPE":
      case "SQLITE_MISMATCH":
        return Kind.DATA;
      case "SQLITE_TOOBIG":
        return Kind.TOO_LONG;
      case "SQLITE_BUSY_SNAPSHOT":
        return Kind.SERIALIZATION;
      case "SQLITE_INTERRUPT":
        return Kind.QUERY_TIMEOUT;
      default:
        break;
    }
    if (name.startsWith("SQLITE_BUSY")) {
      return Kind.BUSY; // another connection holds the lock and the busy timeout ran out
    }
    if (name.startsWith("SQLITE_LOCKED")) {
      return Kind.LOCK_TIMEOUT; // a conflict inside this connection (shared cache): waiting does not help
    }
    if (name.startsWith("SQLITE_CONSTRAINT")) {
      return Kind.INTEGRITY;
    }
    if (name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_NOTADB")) {
      return Kind.CONNECTION;
    }
    switch (code) {
      case 1:
        return Kind.PROGRAMMING; // SQLITE_ERROR: syntax error, no such table / column
      case 5:
        return Kind.BUSY;
      case 6:
        return Kind.LOCK_TIMEOUT;
      case 9:
        return Kind.QUERY_TIMEOUT;
      case 18:
        return Kind.TOO_LONG;
      case 19:
        return Kind.INTEGRITY;
      case 20:
        return Kind.DATA;
      case 25:
        return Kind.PROGRAMMING; // SQLITE_RANGE: bind index out of range
      default:
        return null;
    }
  }

  private static Kind h2(int code, String message) {
    switch (code) {
      case 23505:
        return Kind.UNIQUE;
      case 23503:
      case 23506:
        return Kind.FOREIGN_KEY;
      case 23502:
        return Kind.NOT_NULL;
      case 23513:
      case 23514:
        return Kind.CHECK;
      case 22001:
        return Kind.TOO_LONG;
      case 50200:
        return Kind.LOCK_TIMEOUT;
      case 40001:
        // H2 reports write conflicts between transactions as deadlocks, with this one code.
        return message.startsWith("Deadlock") ? Kind.DEADLOCK : Kind.SERIALIZATION;
      case 90131:
        return Kind.SERIALIZATION; // concurrent update
      case 57014:
        return Kind.QUERY_TIMEOUT;
      case 90067:
      case 90098:
      case 90121:
      case 90013:
        return Kind.CONNECTION; // connection broken, database closed / not found
      case 90022:
      case 90012:
        return Kind.PROGRAMMING; // function not found, parameter not set
      default:
        return null;
    }
  }

  private static Kind mysql(int code) {
    switch (code) {
      case 1062:
      case 1586:
        return Kind.UNIQUE;
      case 1216:
      case 1217:
      case 1451:
      case 1452:
        return Kind.FOREIGN_KEY;
      case 1048:
      case 1364:
        return Kind.NOT_NULL;
      case 3819:
      case 4025:
        return Kind.CHECK;
      case 1406:
        return Kind.TOO_LONG;
      case 1264:
      case 1265:
      case 1292:
      case 1365:
      case 1366:
      case 1367:
        return Kind.DATA;
      case 1205:
      case 3572:
        return Kind.LOCK_TIMEOUT;
      case 1213:
        return Kind.DEADLOCK; // MySQL reports SQLState 40001 for deadlocks
      case 1020:
        // MariaDB with innodb_snapshot_isolation: a row written by another transaction since the snapshot
        return Kind.SERIALIZATION;
      case 1317:
      case 1969:
      case 3024:
        return Kind.QUERY_TIMEOUT;
      case 1927:
      case 2002:
      case 2003:
      case 2006:
      case 2013:
      case 4031:
        return Kind.CONNECTION;
      case 1049:
      case 1054:
      case 1064:
      case 1146:
      case 1149:
      case 1305:
        return Kind.PROGRAMMING;
      default:
        return null;
    }
  }

  private static Kind bySqlState(String state) {
    if (state == null || state.length() < 2) {
      return null;
    }
    switch (state) {
      case "23505":
        return Kind.UNIQUE;
      case "23503":
        return Kind.FOREIGN_KEY;
      case "23502":
        return Kind.NOT_NULL;
      case "23514":
        return Kind.CHECK;
      case "22001":
        return Kind.TOO_LONG;
      case "57014":
        return Kind.QUERY_TIMEOUT;
      case "55P03":
        return Kind.LOCK_TIMEOUT;
      case "40001":
        return Kind.SERIALIZATION;
      case "40P01":
        return Kind.DEADLOCK;
      case "57P01":
      case "57P02":
      case "57P03":
        return Kind.CONNECTION; // server shut down or terminated the backend
      case "0A000":
        return Kind.PROGRAMMING; // feature not supported
      default:
        break;
    }
    switch (state.substring(0, 2).toUpperCase(Locale.ROOT)) {
      case "23":
        return Kind.INTEGRITY;
      case "22":
        return Kind.DATA;
      case "08":
        return Kind.CONNECTION;
      case "42":
        return Kind.PROGRAMMING;
      default:
        return null;
    }
  }

  private static Kind byExceptionClass(SQLException e) {
    if (e instanceof SQLTimeoutException) {
      return Kind.QUERY_TIMEOUT;
    } else if (e instanceof SQLTransactionRollbackException) {
      return Kind.SERIALIZATION;
    } else if (e instanceof SQLIntegrityConstraintViolationException) {
      return Kind.INTEGRITY;
    } else if (e instanceof SQLSyntaxErrorException) {
      return Kind.PROGRAMMING;
    } else if (e instanceof SQLDataException) {
      return Kind.DATA;
    } else if (e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException
        || e instanceof SQLRecoverableException) {
      return Kind.CONNECTION;
    }
    return null;
  }

  private static String message(Kind kind, ConstraintInfo info, Vendor vendor, String state, int code,
      String driverMessage, String sql, List<List<Parameter>> rows) {
    StringBuilder sb = new StringBuilder(kind.headline).append(info.describe());
    sb.append(" [").append(vendor.displayName());
    if (state != null) {
      sb.append(" SQLState ").append(state);
    }
    if (code != 0) {
      sb.append(" code ").append(code);
    }
    sb.append("]: ").append(driverMessage == null ? "(no message)" : driverMessage.strip());
    if ("25P02".equals(state)) {
      sb.append("\n  An earlier statement of this transaction failed, so PostgreSQL refuses the rest until it is"
          + " rolled back. Roll back, or run statements that may fail in a nested transaction (savepoint).");
    }
    if (sql != null) {
      sb.append("\n  SQL: ").append(sql.length() > 2000 ? sql.substring(0, 2000) + "…" : sql);
      if (!rows.isEmpty() && !rows.get(0).isEmpty()) {
        sb.append("\n  Parameters: ").append(ParameterFormat.format(rows.get(0)));
        if (rows.size() > 1) {
          sb.append(" (first of a batch of ").append(rows.size()).append(" rows)");
        }
      } else if (rows.size() > 1) {
        sb.append("\n  (batch of ").append(rows.size()).append(" rows)");
      }
    }
    return sb.toString();
  }

  /** Whether the message of {@code e}, its causes or next exceptions contain a secret parameter value. */
  private static boolean leaksSecrets(Throwable e, List<List<Parameter>> rows) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.equals(ParameterFormat.scrub(m, rows))) {
        return true;
      }
      if (t instanceof SQLException && ((SQLException) t).getNextException() != null
          && leaksSecrets(((SQLException) t).getNextException(), rows)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * A copy of {@code e} (and of its next exceptions and causes) with the secret values scrubbed out
   * of the messages, keeping SQLState, vendor code and stack traces: drivers echo bound values back
   * (pgjdbc's "Batch entry N INSERT ... ('value')", H2's duplicate key text).
   */
  private static SQLException sanitizedCopy(SQLException e, List<List<Parameter>> rows) {
    SQLException copy = new SQLException(ParameterFormat.scrub(e.getMessage(), rows), e.getSQLState(), e.getErrorCode());
    copy.setStackTrace(e.getStackTrace());
    SQLException next = e.getNextException();
    if (next != null && next != e) {
      copy.setNextException(sanitizedCopy(next, rows));
    }
    Throwable cause = e.getCause();
    if (cause instanceof SQLException && cause != e && cause != next) {
      copy.initCause(sanitizedCopy((SQLException) cause, rows));
    } else if (cause != null && cause != e && cause != next) {
      RuntimeException plain = new RuntimeException(ParameterFormat.scrub(cause.toString(), rows));
      plain.setStackTrace(cause.getStackTrace());
      copy.initCause(plain);
    }
    return copy;
  }
}
