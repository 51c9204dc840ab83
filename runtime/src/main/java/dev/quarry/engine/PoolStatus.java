package dev.quarry.engine;

/**
 * A snapshot of the connection pool (HikariCP's pool MXBean).
 *
 * @param active connections lent out
 * @param idle connections waiting in the pool
 * @param total open physical connections (active + idle)
 * @param waiting threads blocked waiting for a connection
 */
public record PoolStatus(int active, int idle, int total, int waiting) {
  @Override
  public String toString() {
    return "active " + active + ", idle " + idle + ", total " + total + ", waiting " + waiting;
  }
}
