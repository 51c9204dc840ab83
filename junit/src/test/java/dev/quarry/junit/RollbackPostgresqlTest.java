package dev.quarry.junit;

/** {@link RollbackContract} on Postgresql. */
@QuarryTest(database = TestDatabase.POSTGRESQL, entities = {Author.class, Book.class})
class RollbackPostgresqlTest extends RollbackContract {}
