package dev.quarry.orm.async;

import dev.quarry.engine.QuarryException;

/**
 * The executor of an {@link AsyncEngine} or {@link AsyncSessionFactory} refused an operation: its
 * queue is full (the default executor's queue is bounded, so an overloaded application fails fast
 * instead of piling up work), or it was shut down. The operation never ran.
 */
public final class OperationRejectedException extends QuarryException {
  private static final long serialVersionUID = 1L;

  OperationRejectedException(String operation, Throwable cause) {
    super(operation + " was rejected by the executor (its queue is full or it is shut down) and did not run: "
        + cause.getMessage(), cause);
  }
}
