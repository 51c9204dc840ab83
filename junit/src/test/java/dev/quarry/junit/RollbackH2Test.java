package dev.quarry.junit;

/** {@link RollbackContract} on H2. */
@QuarryTest(database = TestDatabase.H2, entities = {Author.class, Book.class})
class RollbackH2Test extends RollbackContract {}
