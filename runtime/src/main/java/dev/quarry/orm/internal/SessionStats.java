package dev.quarry.orm.internal;

import dev.quarry.orm.SessionStatistics;

/** Mutable counters behind {@link SessionStatistics}; a session is single-threaded. */
final class SessionStats implements SessionStatistics {
  long statements;
  long batchedRows;
  long flushes;
  private final IdentityMap identityMap;

  SessionStats(IdentityMap identityMap) {
    this.identityMap = identityMap;
  }

  @Override
  public long statements() {
    return statements;
  }

  @Override
  public long batchedRows() {
    return batchedRows;
  }

  @Override
  public long flushes() {
    return flushes;
  }

  @Override
  public int identityMapSize() {
    return identityMap.size();
  }

  @Override
  public String toString() {
    return "SessionStatistics[statements=" + statements + ", batchedRows=" + batchedRows + ", flushes=" + flushes
        + ", identityMapSize=" + identityMap.size() + "]";
  }
}
