package dev.quarry.sql.internal;

/** How a database spells "insert, or on a key conflict do nothing / update". */
public enum UpsertStyle {
  /** {@code INSERT … ON CONFLICT (keys) DO NOTHING | DO UPDATE SET …} (PostgreSQL, SQLite). */
  ON_CONFLICT,
  /** {@code MERGE INTO … USING (VALUES …) ON … WHEN MATCHED … WHEN NOT MATCHED …} (H2, ANSI). */
  MERGE,
  /** {@code INSERT … ON DUPLICATE KEY UPDATE …} (MySQL, MariaDB). */
  ON_DUPLICATE_KEY
}
