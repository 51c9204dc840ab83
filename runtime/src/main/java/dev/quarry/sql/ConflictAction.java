package dev.quarry.sql;

/**
 * What an upsert does on a key conflict: {@code ON CONFLICT … DO NOTHING / DO UPDATE} on
 * PostgreSQL and SQLite, {@code MERGE} on H2, {@code ON DUPLICATE KEY UPDATE} on MySQL/MariaDB.
 */
public interface ConflictAction {
  /** Keep the existing row. */
  Insert doNothing();

  /** Overwrite these columns with the values the conflicting row would have inserted. */
  Insert doUpdate(Column<?>... fromInsertedRow);

  /** Update the existing row with these assignments (see {@link Sql#excluded} for the inserted values). */
  Insert doUpdate(Assignment... assignments);
}
