package dev.quarry.migrate;

/** Another migrator held the database's migration lock for longer than the lock timeout. */
public final class MigrationLockException extends MigrationException {
  public MigrationLockException(String message) {
    super(message);
  }
}
