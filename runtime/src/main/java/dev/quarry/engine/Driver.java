package dev.quarry.engine;

import dev.quarry.types.Vendor;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What one JDBC driver does its own way: how it hands back generated keys, streams a result,
 * bounds a statement's time, makes a connection read-only and describes undeclared columns. The
 * engine asks here instead of testing the vendor where it executes; SQL-level facts (syntax,
 * capabilities of the database itself) live in {@code sql.internal.Dialect}, not here.
 *
 * <p>One stateless instance per vendor; the base class is what a JDBC 4.2 driver does by the book.
 */
abstract class Driver {
  private static final Driver GENERIC = new Driver() { };
  private static final Driver SQLITE = new Sqlite();
  private static final Driver POSTGRESQL = new Postgres();
  private static final Driver MYSQL = new MySql();
  private static final Driver MARIADB = new MariaDb();
  private static final Driver H2 = new H2();

  /** The driver behaviour of {@code vendor}'s usual JDBC driver. */
  static Driver of(Vendor vendor) {
    return switch (vendor) {
      case SQLITE -> SQLITE;
      case POSTGRESQL -> POSTGRESQL;
      case MYSQL -> MYSQL;
      case MARIADB -> MARIADB;
      case H2 -> H2;
      case OTHER -> GENERIC;
    };
  }

  /**
   * Connection options (URL parameters or driver properties, lower case) that make the driver run
   * code the URL names — load a class, run a script, load a native library — or read local files
   * for the server. A URL from configuration must not be able to do that unless the application
   * allows the option by name ({@link EngineBuilder#allowUrlOption}).
   */
  java.util.Set<String> codeRunningOptions() {
    return java.util.Set.of();
  }

  /** The option names in a JDBC URL of this driver (the query string after {@code ?}, split on {@code &}). */
  java.util.List<String> urlOptions(String url) {
    int q = url.indexOf('?');
    return q < 0 ? java.util.List.of() : optionNames(url.substring(q + 1), '&');
  }

  static java.util.List<String> optionNames(String options, char separator) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (String option : options.split(java.util.regex.Pattern.quote(String.valueOf(separator)))) {
      int eq = option.indexOf('=');
      String name = (eq < 0 ? option : option.substring(0, eq)).trim();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * Refuses a URL or property that would run code (see {@link #codeRunningOptions}) unless
   * {@code allowed} names it.
   *
   * @throws IllegalArgumentException naming the option and how to allow it
   */
  final void refuseCodeRunningOptions(String url, java.util.Properties properties, java.util.Set<String> allowed) {
    java.util.Set<String> refused = codeRunningOptions();
    if (refused.isEmpty()) {
      return;
    }
    java.util.List<String> given = new java.util.ArrayList<>(urlOptions(url));
    given.addAll(properties.stringPropertyNames());
    for (String name : given) {
      String key = name.toLowerCase(java.util.Locale.ROOT);
      if (refused.contains(key) && !allowed.contains(key)) {
        throw new IllegalArgumentException("the JDBC connection option '" + name + "' lets a URL run code or read "
            + "files through the driver, so it is refused: a URL often comes from configuration. If the "
            + "application sets it on purpose, build the engine with .allowUrlOption(\"" + name + "\")");
      }
    }
  }

  /**
   * Driver properties that bound opening a connection — TCP connect, handshake and login — to
   * {@code timeout}. Without them a server that accepts the connection and never answers holds
   * the caller for good: {@code DriverManager}'s login timeout is JVM-wide, so it is not used.
   */
  java.util.Map<String, String> connectTimeoutProperties(java.time.Duration timeout) {
    return java.util.Map.of();
  }

  /**
   * Whether the driver talks to the database over a socket whose reads
   * {@code Connection.setNetworkTimeout} bounds (and closes the connection when one times out).
   */
  boolean hasNetworkTimeout() {
    return false;
  }

  /**
   * Whether {@code sql}, run by a caller, may change the session's settings so that they would
   * leak to the next borrower of the pooled connection: {@code SET} and {@code RESET} here.
   */
  boolean changesSession(String sql) {
    String first = firstWord(sql);
    return first.equals("SET") || first.equals("RESET");
  }

  /** The first keyword of {@code sql} in upper case, after blanks and comments. */
  static String firstWord(String sql) {
    return dev.quarry.engine.internal.SqlText.firstWord(sql);
  }

  /**
   * Puts a changed session back to how a new connection starts, in place; false when the driver
   * cannot, and the engine closes the connection instead (a new one starts clean). The engine
   * then repeats its own set-up ({@link #initialize}, isolation, {@code onConnect} listeners).
   */
  boolean resetSession(java.sql.Connection connection) throws SQLException {
    return false;
  }

  /** How long the database waits for another connection's lock before it reports itself busy; null when unknown. */
  java.time.Duration busyTimeout(java.sql.Connection connection) {
    return null;
  }

  /** Session set-up every new physical connection gets before the pool hands it out. */
  void initialize(java.sql.Connection connection, boolean foreignKeys, boolean readOnly) throws SQLException {
  }

  /** Whether the pool may call {@code setReadOnly} on the driver's connections. */
  boolean poolMaySetReadOnly() {
    return true;
  }

  /** Makes the connection refuse (or accept again) writes for the transaction that starts next. */
  void setReadOnly(java.sql.Connection connection, boolean readOnly) throws SQLException {
    connection.setReadOnly(readOnly);
  }

  /** A statement whose generated {@code keyColumns} can be read after it ran. */
  PreparedStatement prepareReturningKeys(java.sql.Connection connection, String sql, String[] keyColumns)
      throws SQLException {
    return connection.prepareStatement(sql, keyColumns);
  }

  /**
   * Whether {@code getGeneratedKeys()} after {@code executeBatch()} returns the key of every row of
   * the batch, in order. Where it does not, the engine executes such a batch row by row.
   */
  boolean batchReturnsEveryKey() {
    return true;
  }

  /** Whether the driver streams a result with a fetch size only inside a transaction. */
  boolean streamsOnlyInTransaction() {
    return false;
  }

  /** The fetch size to give the driver so it streams {@code requested} rows at a time. */
  int fetchSize(int requested) {
    return requested;
  }

  /**
   * Whether {@code setQueryTimeout} bounds the statement's running time. Where it does not, the
   * engine cancels the statement from a timer thread.
   */
  boolean queryTimeoutBoundsExecution() {
    return true;
  }

  /** Whether the result metadata's column types describe the values (SQLite's describe declarations). */
  boolean metadataTypesDescribeValues() {
    return true;
  }

  /** {@code timeout} in whole seconds, rounded up (drivers and JDBC that count seconds). */
  static long wholeSeconds(java.time.Duration timeout) {
    return Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  private static boolean containsIgnoreCase(String text, String word) {
    for (int i = 0; i + word.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** xerial sqlite-jdbc. */
  private static final class Sqlite extends Driver {
    /** {@code enable_load_extension} lets SQL load a native library. */
    @Override
    java.util.Set<String> codeRunningOptions() {
      return java.util.Set.of("enable_load_extension");
    }

    @Override
    void initialize(java.sql.Connection connection, boolean foreignKeys, boolean readOnly) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute(foreignKeys ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
        if (readOnly) {
          s.execute("PRAGMA query_only = ON");
        }
      }
    }

    /** The driver cannot switch an open connection to read-only; {@code query_only} refuses writes instead. */
    @Override
    boolean poolMaySetReadOnly() {
      return false;
    }

    @Override
    void setReadOnly(java.sql.Connection connection, boolean readOnly) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute(readOnly ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF");
      }
    }

    /** The driver does not take key column names; it reports {@code last_insert_rowid()}. */
    @Override
    PreparedStatement prepareReturningKeys(java.sql.Connection connection, String sql, String[] keyColumns)
        throws SQLException {
      return connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }

    /** After a batch the driver reports only the last row's rowid. */
    @Override
    boolean batchReturnsEveryKey() {
      return false;
    }

    /** Its query timeout bounds only the wait for a lock; an interrupt stops a running statement. */
    @Override
    boolean queryTimeoutBoundsExecution() {
      return false;
    }

    @Override
    boolean metadataTypesDescribeValues() {
      return false;
    }

    @Override
    java.time.Duration busyTimeout(java.sql.Connection connection) {
      try (Statement s = connection.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
        return rs.next() ? java.time.Duration.ofMillis(rs.getLong(1)) : null;
      } catch (SQLException e) {
        return null;
      }
    }

    /**
     * A {@code PRAGMA} that assigns ({@code PRAGMA busy_timeout = 100} or {@code (100)}) changes
     * the connection; one that reads about a table or index ({@code table_info(t)}) does not.
     */
    @Override
    boolean changesSession(String sql) {
      if (!firstWord(sql).equals("PRAGMA")) {
        return super.changesSession(sql);
      }
      if (sql.indexOf('=') >= 0) {
        return true;
      }
      String lower = sql.toLowerCase(java.util.Locale.ROOT);
      return sql.indexOf('(') >= 0 && !READING_PRAGMAS.matcher(lower).find();
    }

    private static final java.util.regex.Pattern READING_PRAGMAS = java.util.regex.Pattern.compile(
        "\\b(table_x?info|index_x?info|index_list|foreign_key_list|foreign_key_check|integrity_check|quick_check)\\b");
  }

  /** pgjdbc. */
  private static final class Postgres extends Driver {
    /** pgjdbc instantiates the classes these name (CVE-2022-21724) or writes to the file {@code loggerFile} names. */
    @Override
    java.util.Set<String> codeRunningOptions() {
      return java.util.Set.of("socketfactory", "socketfactoryarg", "sslfactory", "sslfactoryarg", "sslhostnameverifier",
          "sslpasswordcallback", "authenticationpluginclassname", "loggerfile");
    }

    /** pgjdbc applies setReadOnly to explicit transactions only; this makes autocommit statements read-only too. */
    @Override
    void initialize(java.sql.Connection connection, boolean foreignKeys, boolean readOnly) throws SQLException {
      if (readOnly) {
        try (Statement s = connection.createStatement()) {
          s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
      }
    }

    /** pgjdbc reads the whole result at once unless a transaction is open for its cursor. */
    @Override
    boolean streamsOnlyInTransaction() {
      return true;
    }

    /**
     * {@code connectTimeout} bounds the TCP connect only; {@code loginTimeout} bounds the whole
     * opening, handshake and authentication included. Both count whole seconds. A statement that
     * timed out waits for its cancel request (a connection of its own) to be sent, so
     * {@code cancelSignalTimeout} (default 10 s) is bounded too, by the engine's grace for a cancel.
     */
    @Override
    java.util.Map<String, String> connectTimeoutProperties(java.time.Duration timeout) {
      String seconds = Long.toString(wholeSeconds(timeout));
      return java.util.Map.of("connectTimeout", seconds, "loginTimeout", seconds, "cancelSignalTimeout",
          Long.toString(wholeSeconds(SocketBound.CANCEL_GRACE)));
    }

    @Override
    boolean hasNetworkTimeout() {
      return true;
    }

    /** {@code set_config(name, value, false)} in any statement sets a session parameter too. */
    @Override
    boolean changesSession(String sql) {
      return super.changesSession(sql) || containsIgnoreCase(sql, "set_config");
    }

    /**
     * {@code DISCARD ALL}: parameters ({@code statement_timeout}, {@code search_path}, role) back
     * to the connection's start values, temporary tables, prepared statements, advisory locks and
     * {@code LISTEN}s gone. pgjdbc sees the command and forgets its server-side statements.
     */
    @Override
    boolean resetSession(java.sql.Connection connection) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("DISCARD ALL");
      }
      return true;
    }
  }

  /** What MariaDB's and MySQL's drivers share: the connect timeout's name, network timeouts, {@code USE}. */
  private abstract static class MySqlProtocol extends Driver {
    /** {@code connectTimeout} (milliseconds) bounds the TCP connect and the handshake's reads. */
    @Override
    java.util.Map<String, String> connectTimeoutProperties(java.time.Duration timeout) {
      return java.util.Map.of("connectTimeout", Long.toString(timeout.toMillis()));
    }

    @Override
    boolean hasNetworkTimeout() {
      return true;
    }

    @Override
    boolean changesSession(String sql) {
      return super.changesSession(sql) || firstWord(sql).equals("USE");
    }
  }

  /** MariaDB Connector/J. */
  private static final class MariaDb extends MySqlProtocol {
    /** MariaDB Connector/J loads the classes these name, or lets the server read local files. */
    @Override
    java.util.Set<String> codeRunningOptions() {
      return java.util.Set.of("socketfactory", "tlssockettype", "credentialtype", "codecs", "allowlocalinfile");
    }

    private static final String READ_ONLY = "SET SESSION TRANSACTION READ ONLY";
    private static final String READ_WRITE = "SET SESSION TRANSACTION READ WRITE";

    @Override
    void initialize(java.sql.Connection connection, boolean foreignKeys, boolean readOnly) throws SQLException {
      if (readOnly) {
        try (Statement s = connection.createStatement()) {
          s.execute(READ_ONLY);
        }
      }
    }

    /**
     * Its {@code setReadOnly} only routes statements in replication set-ups; on a plain
     * connection writes still succeed. The session's access mode refuses them instead.
     */
    @Override
    boolean poolMaySetReadOnly() {
      return false;
    }

    @Override
    void setReadOnly(java.sql.Connection connection, boolean readOnly) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute(readOnly ? READ_ONLY : READ_WRITE);
      }
    }
  }

  /** MySQL Connector/J. */
  private static final class MySql extends MySqlProtocol {
    /** Connector/J loads the classes these name, deserializes objects, or lets the server read local files. */
    @Override
    java.util.Set<String> codeRunningOptions() {
      return java.util.Set.of("socketfactory", "queryinterceptors", "statementinterceptors", "exceptioninterceptors",
          "connectionlifecycleinterceptors", "authenticationplugins", "propertiestransform", "autodeserialize",
          "allowloadlocalinfile", "allowurlinlocalinfile");
    }

    /** Connector/J streams row by row only when asked with {@code Integer.MIN_VALUE}. */
    @Override
    int fetchSize(int requested) {
      return Integer.MIN_VALUE;
    }
  }

  private static final class H2 extends Driver {
    /** {@code INIT} runs SQL at connect, and SQL can run scripts and create Java functions. */
    @Override
    java.util.Set<String> codeRunningOptions() {
      return java.util.Set.of("init");
    }

    /** H2 puts its settings after the database name, separated by {@code ;}. */
    @Override
    java.util.List<String> urlOptions(String url) {
      int semicolon = url.indexOf(';');
      return semicolon < 0 ? java.util.List.of() : optionNames(url.substring(semicolon + 1), ';');
    }
  }
}
