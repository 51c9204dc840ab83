package dev.quarry.migrate;

/**
 * A migration that could not run: an unknown or ambiguous target, a broken revision graph, or a
 * revision that failed — then the message names the revision, the step and the statement, and
 * what had already run and stays applied where the database commits DDL as it runs.
 */
public class MigrationException extends RuntimeException {
  public MigrationException(String message) {
    super(message);
  }

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }
}
