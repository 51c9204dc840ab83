/**
 * Test support shared through the runtime's test-jar (used by the processor's, the ORM's and the
 * integration tests): {@link dev.quarry.testing.TestDatabase} (a fresh SQLite, H2 or PostgreSQL
 * database with an engine), {@link dev.quarry.testing.AllDatabases} (run a parameterized test on
 * each, a fresh database per invocation), {@link dev.quarry.testing.EachDatabase} (run a whole
 * class per database), {@link dev.quarry.testing.EmbeddedPostgresServer} (one embedded PostgreSQL per JVM) and
 * {@link dev.quarry.testing.RawSql} (hand-written statements without the SQL layer).
 */
package dev.quarry.testing;
