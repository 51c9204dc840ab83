package dev.quarry.engine;

import dev.quarry.types.Vendor;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The starting point of Quarry Core (SQLAlchemy's {@code Engine}): a HikariCP connection pool for
 * one database, the {@link Vendor} detected from the JDBC URL and confirmed from the driver's
 * metadata, engine events, SQL logging and statistics. Thread-safe; create one per database and
 * application, and {@link #close()} it on shutdown.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create("jdbc:sqlite:app.db")) {
 *   engine.runInTransaction(conn -> conn.executeUpdate(insert));
 *   try (Connection conn = engine.connect()) {
 *     List<Row> rows = conn.execute(select).fetchAll();
 *   }
 * }
 * }</pre>
 *
 * <p>SQL is logged through the SLF4J logger {@code dev.quarry.sql} with timing: at DEBUG, or at
 * INFO when the engine is built with {@link EngineBuilder#echo(boolean) echo}.
 */
public interface Engine extends Connectable, AutoCloseable {
  /** An engine with default options for a JDBC URL, e.g. {@code jdbc:postgresql://host/db?user=app}. */
  static Engine create(String jdbcUrl) {
    return builder(jdbcUrl).build();
  }

  /** An engine pooling connections from a user's (unpooled) {@link DataSource}. */
  static Engine create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /** A builder for an engine on a JDBC URL. */
  static EngineBuilder builder(String jdbcUrl) {
    return new EngineBuilder(jdbcUrl, null);
  }

  /**
   * A builder for an engine on a {@link DataSource}. The engine pools the connections the data
   * source hands out; pass a plain (non-pooling) data source such as {@code PGSimpleDataSource}.
   */
  static EngineBuilder builder(DataSource dataSource) {
    return new EngineBuilder(null, dataSource);
  }

  /**
   * A builder for an engine without a pool of its own, on connections (and possibly transactions)
   * a framework manages: see {@link ConnectionProvider}. Pool options of the builder do not apply;
   * {@link EngineBuilder#echo}, {@link EngineBuilder#identifierQuoting} and listeners' statement
   * events do. Quarry's set-up of new physical connections (SQLite {@code foreign_keys}, a
   * read-only engine, {@link EngineListener#onConnect}) does not run: the pool's owner sets
   * connections up.
   */
  static EngineBuilder builder(ConnectionProvider provider) {
    return new EngineBuilder(java.util.Objects.requireNonNull(provider, "provider"));
  }

  /** Borrows a connection from the pool; close it to give it back. */
  Connection connect();

  /**
   * Borrows a connection and starts a transaction on it. Commit or roll back through the
   * transaction; either (or closing it, which rolls back unless committed) returns the connection.
   * Use try-with-resources.
   */
  Transaction begin();

  /** {@link #begin()} with an isolation level or read-only flag. */
  Transaction begin(TransactionOptions options);

  /**
   * Runs {@code callback} in a transaction on a borrowed connection: commits when it returns,
   * rolls back when it throws (and rethrows), returns the connection either way.
   */
  <R> R inTransaction(ConnectionCallback<R> callback);

  /** {@link #inTransaction(ConnectionCallback)} with transaction options. */
  <R> R inTransaction(TransactionOptions options, ConnectionCallback<R> callback);

  /** {@link #inTransaction(ConnectionCallback)} for work without a result. */
  default void runInTransaction(ConnectionAction action) {
    inTransaction(c -> {
      action.accept(c);
      return null;
    });
  }

  /** {@link #inTransaction(TransactionOptions, ConnectionCallback)} for work without a result. */
  default void runInTransaction(TransactionOptions options, ConnectionAction action) {
    inTransaction(options, c -> {
      action.accept(c);
      return null;
    });
  }

  /** The JDBC URL the engine connects to, with any password elided; null for a DataSource engine. */
  String url();

  /** The current state of the pool. */
  PoolStatus poolStatus();

  /** Counters of statements executed so far. */
  EngineStatistics statistics();

  /** Registers a listener; {@code onConnect} applies to physical connections opened from now on. */
  void addListener(EngineListener listener);

  /** Removes a listener registered with {@link #addListener} or the builder. */
  void removeListener(EngineListener listener);

  /**
   * Per-engine state kept by upper layers under a key class (e.g. the ORM's sequence allocators):
   * the existing instance for {@code key}, or the one {@code factory} creates, atomically. The
   * factory must not call {@code extension} itself.
   */
  <T> T extension(Class<T> key, Supplier<T> factory);

  /**
   * Tells the engine that DDL changed the schema, so the state upper layers keep about it (the
   * ORM's reserved blocks of sequence ids) is forgotten: every {@link #extension} that is
   * {@link SchemaDependent} hears of it. {@code Metadata}'s DDL calls it; call it after changing
   * the schema another way (a migration tool, hand-written DDL) while the engine is in use.
   */
  void schemaChanged();

  /** Closes the pool and every connection in it; connections still lent out are closed as they return. */
  @Override
  void close();

  /** Whether {@link #close()} was called. */
  boolean isClosed();
}
