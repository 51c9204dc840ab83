package dev.quarry.engine;

/** Work done with a connection that returns a value. */
@FunctionalInterface
public interface ConnectionCallback<R> {
  R apply(Connection connection);
}
