package dev.quarry.orm.internal;

import dev.quarry.spi.EntityMapping;
import dev.quarry.sql.Column;
import dev.quarry.sql.Table;
import java.util.ArrayList;
import java.util.List;

/** Resolves property names given as strings (filterBy, sort keys) against an entity's columns. */
final class Properties {
  private Properties() {}

  /**
   * The column of {@code table} for a Java property name or a column name: exactly, else ignoring
   * case and underscores as Core's sort keys do ({@code createdAt}, {@code CREATED_AT},
   * {@code created_at}); rejects anything else, and a loose name that fits two properties.
   */
  static Column<?> column(EntityMapping<?> m, Table table, String name) {
    List<Column<?>> cols = table.columns();
    for (int i = 0; i < cols.size(); i++) {
      if (m.propertyName(i).equals(name) || cols.get(i).name().equals(name)) {
        return cols.get(i);
      }
    }
    String loose = loose(name);
    Column<?> found = null;
    for (int i = 0; i < cols.size(); i++) {
      if ((loose(m.propertyName(i)).equals(loose) || loose(cols.get(i).name()).equals(loose)) && found != cols.get(i)) {
        if (found != null) {
          throw new IllegalArgumentException("'" + name + "' is ambiguous for " + m.entityName() + ": it fits "
              + found.name() + " and " + cols.get(i).name() + " ignoring case; write the property name exactly");
        }
        found = cols.get(i);
      }
    }
    if (found != null) {
      return found;
    }
    List<String> known = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      known.add(m.propertyName(i));
    }
    throw new IllegalArgumentException(m.entityName() + " has no property '" + name + "'; its properties are " + known);
  }

  /** A sort key ({@code "-age"}, {@code "name desc"}) whose property name is replaced by its column name. */
  static String sortKeyToColumn(EntityMapping<?> m, String key) {
    String k = key.trim();
    String prefix = "";
    if (k.startsWith("-") || k.startsWith("+")) {
      prefix = k.substring(0, 1);
      k = k.substring(1);
    }
    int space = k.indexOf(' ');
    String name = space < 0 ? k : k.substring(0, space);
    String rest = space < 0 ? "" : k.substring(space);
    return prefix + column(m, m.table(), name).name() + rest;
  }

  private static String loose(String name) {
    return name.replace("_", "").toLowerCase(java.util.Locale.ROOT);
  }

  static void nonNegative(String what, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be a non-negative integer, got " + value);
    }
  }
}
