package dev.quarry.engine;

/** Work done with a connection that returns nothing. */
@FunctionalInterface
public interface ConnectionAction {
  void accept(Connection connection);
}
