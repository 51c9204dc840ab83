package dev.quarry.migrate;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Result;
import dev.quarry.engine.Row;
import dev.quarry.sql.Sql;
import dev.quarry.sql.internal.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The table that records the applied heads, one row each (Alembic's {@code alembic_version}). Its
 * statements carry the revision ids as literals — ids are letters, digits and underscores, checked
 * by {@link Revisions#of} — so that the online run executes exactly the text an offline script shows.
 */
final class VersionTable {
  static final String COLUMN = "version_num";

  private final String name;
  private final Dialect dialect;

  VersionTable(String name, Dialect dialect) {
    this.name = name;
    this.dialect = dialect;
  }

  String name() {
    return name;
  }

  String create() {
    return "CREATE TABLE IF NOT EXISTS " + dialect.quote(name) + " (" + dialect.quote(COLUMN)
        + " VARCHAR(32) NOT NULL PRIMARY KEY)";
  }

  boolean exists(Connection c) {
    try (Result r = c.execute(Sql.text(dialect.tableExistsQuery()).bind("name", dialect.catalogName(name)))) {
      return !r.fetchAll().isEmpty();
    }
  }

  /** The rows, or none when the table does not exist yet. */
  List<String> read(Connection c) {
    if (!exists(c)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (Result r = c.execute(new RawStatement("SELECT " + dialect.quote(COLUMN) + " FROM " + dialect.quote(name)))) {
      for (Row row : r.fetchAll()) {
        out.add(String.valueOf(row.get(0)));
      }
    }
    return out;
  }

  /** The statements that turn rows {@code before} into {@code after}: an UPDATE where one head replaces another. */
  List<String> update(List<String> before, List<String> after) {
    List<String> removed = new ArrayList<>(before);
    removed.removeAll(after);
    List<String> added = new ArrayList<>(after);
    added.removeAll(before);
    List<String> out = new ArrayList<>();
    int pairs = Math.min(removed.size(), added.size());
    for (int i = 0; i < pairs; i++) {
      out.add("UPDATE " + dialect.quote(name) + " SET " + dialect.quote(COLUMN) + " = " + dialect.literal(added.get(i))
          + " WHERE " + dialect.quote(COLUMN) + " = " + dialect.literal(removed.get(i)));
    }
    for (String id : removed.subList(pairs, removed.size())) {
      out.add("DELETE FROM " + dialect.quote(name) + " WHERE " + dialect.quote(COLUMN) + " = " + dialect.literal(id));
    }
    for (String id : added.subList(pairs, added.size())) {
      out.add("INSERT INTO " + dialect.quote(name) + " (" + dialect.quote(COLUMN) + ") VALUES (" + dialect.literal(id)
          + ")");
    }
    return out;
  }
}
