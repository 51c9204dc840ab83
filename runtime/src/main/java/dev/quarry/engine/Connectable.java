package dev.quarry.engine;

import dev.quarry.types.Vendor;

/**
 * Something that lends a connection: an {@link Engine} (borrows one from its pool for the call and
 * returns it) or a {@link Connection} (lends itself, within whatever transaction it is in).
 * Generated DAOs and the ORM session take a {@code Connectable} so they work with both.
 */
public interface Connectable {
  /** Runs {@code callback} with a connection and returns its result. */
  <R> R withConnection(ConnectionCallback<R> callback);

  /** Runs {@code action} with a connection. */
  default void useConnection(ConnectionAction action) {
    withConnection(c -> {
      action.accept(c);
      return null;
    });
  }

  /**
   * Executes {@code statement} and reads all its rows as {@code type}, a record annotated
   * {@code @dev.quarry.annotation.Projection} ({@link Result#into}): {@code engine.fetchInto(select, BookRow.class)}.
   */
  default <R> java.util.List<R> fetchInto(Executable statement, Class<R> type) {
    return withConnection(c -> {
      try (Result r = c.execute(statement)) {
        return r.into(type);
      }
    });
  }

  /** The database behind the connections. */
  Vendor vendor();

  /** Which names the statements run here quote ({@link EngineBuilder#identifierQuoting}). */
  IdentifierQuoting identifierQuoting();
}
