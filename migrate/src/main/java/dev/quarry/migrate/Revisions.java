package dev.quarry.migrate;

import dev.quarry.types.Vendor;
import java.util.List;

/**
 * The revision graph (Alembic's {@code ScriptDirectory}): every revision found, checked for
 * unknown parents, duplicates and cycles; heads, bases, branch labels, history, and offline SQL.
 * Needs no database.
 */
public final class Revisions {
  private Revisions() {}

  /** The revisions of every {@link RevisionSource} registered on this class loader's path. */
  public static Revisions load(ClassLoader loader) {
    throw new UnsupportedOperationException("being written");
  }

  /** A graph of these revisions. */
  public static Revisions of(List<RevisionInfo> revisions) {
    throw new UnsupportedOperationException("being written");
  }

  /** The revision of that id (or unique id prefix), or a {@link MigrationException} listing the known ones. */
  public RevisionInfo get(String id) {
    throw new UnsupportedOperationException("being written");
  }

  /** Revisions that no other revision revises. */
  public List<RevisionInfo> heads() {
    throw new UnsupportedOperationException("being written");
  }

  /**
   * Revisions from newest to oldest, limited by a range {@code from:to} of targets as
   * {@link Migrator#upgrade} takes them ({@code base:head}, {@code ae10:}, {@code -3:current}…);
   * null for all.
   */
  public List<RevisionInfo> history(String range) {
    throw new UnsupportedOperationException("being written");
  }

  /**
   * The SQL that moves a database of {@code vendor} between two targets, without a database
   * (Alembic's offline mode): {@code "base:head"} upgrades, {@code "head:base"} downgrades; the
   * version table's statements included.
   */
  public String sql(Vendor vendor, String range) {
    throw new UnsupportedOperationException("being written");
  }

  /** A new, random revision id (12 hex digits, as Alembic's). */
  public static String newId() {
    throw new UnsupportedOperationException("being written");
  }
}
