package dev.quarry.orm;

import java.time.Duration;
import java.util.List;

/**
 * A flush that ended, as reported to {@link SessionListener#flushFinished}: what it wrote (nothing
 * when it found no change, as autoflush before a query usually does), how long it took, and the
 * exception it raised.
 *
 * @param changes what the flush wrote; empty when it found nothing to write or failed before writing
 * @param elapsed time from before {@link SessionListener#beforeFlush} until the flush ended
 * @param failure the exception the flush raised, or null on success
 */
public record FlushEvent(FlushChanges changes, Duration elapsed, RuntimeException failure) {
  /** Whether the flush succeeded. */
  public boolean succeeded() {
    return failure == null;
  }

  /** Entity rows the flush inserted, updated and deleted: the ids in {@link #changes} (rows of association tables are not counted). */
  public int rows() {
    return count(changes.inserted().values()) + count(changes.updated().values())
        + count(changes.deleted().values());
  }

  private static int count(java.util.Collection<List<Object>> ids) {
    int n = 0;
    for (List<Object> list : ids) {
      n += list.size();
    }
    return n;
  }
}
