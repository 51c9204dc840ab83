package dev.quarry.it;

import dev.quarry.engine.Engine;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Table;
import dev.quarry.testing.TestDatabase;

/** Creates the tables of generated metamodels in a fresh test database with the schema layer. */
final class Databases {
  private Databases() {}

  /** Creates {@code tables} (with their sequences, indexes and constraints) and returns the database's engine. */
  static Engine create(TestDatabase db, Table... tables) {
    Metadata.of(tables).createAll(db.engine());
    return db.engine();
  }
}
