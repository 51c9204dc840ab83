package dev.quarry.junit;

/** {@link RollbackContract} on Sqlite. */
@QuarryTest(database = TestDatabase.SQLITE, entities = {Author.class, Book.class})
class RollbackSqliteTest extends RollbackContract {}
