package dev.quarry.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting on another caller's computation, shared by the backends. */
final class Flights {

  private Flights() {}

  /**
   * The flight's value, or the exception its creator threw, rethrown as is so a waiter sees what
   * the computing caller saw. Not bounded: the creator bounds it (see {@link CacheRegion}).
   */
  static <V> V await(CompletableFuture<V> flight) {
    try {
      return flight.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e; // a checked exception thrown sneakily by the creator: keep it wrapped
    }
  }

  /** A flight that has finished with a value (not failed, not still running). */
  static boolean hasValue(CompletableFuture<?> flight) {
    return flight.isDone() && !flight.isCompletedExceptionally();
  }

  static <V> V requireCreated(V value, Object key) {
    if (value == null) {
      throw new NullPointerException("cache region creator returned null for key " + key);
    }
    return value;
  }
}
