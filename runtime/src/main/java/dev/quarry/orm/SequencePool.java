package dev.quarry.orm;

import java.sql.SQLException;

/**
 * Pooled ("pooled-lo") allocation for one sequence: the sequence increments by the allocation
 * size, and each value {@code v} it returns reserves the ids {@code v .. v + size - 1}, handed out
 * in memory. Shared by all sessions of a factory.
 */
final class SequencePool {
  /** Fetches the next sequence value from the database. */
  interface Fetch {
    long next() throws SQLException;
  }

  private final int allocationSize;
  private long next;
  private long limit;

  SequencePool(int allocationSize) {
    this.allocationSize = Math.max(1, allocationSize);
  }

  synchronized long next(Fetch fetch) throws SQLException {
    if (next >= limit) {
      long v = fetch.next();
      next = v;
      limit = v + allocationSize;
    }
    return next++;
  }
}
