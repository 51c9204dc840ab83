package dev.quarry.orm;

import dev.quarry.sql.dialect.Dialect;
import dev.quarry.types.Vendor;

/** Quotes identifiers for the statements the unit of work renders itself, with the dialect's rules. */
final class Identifiers {
  private Identifiers() {}

  static String quote(Vendor vendor, String name) {
    return Dialect.of(vendor).quote(name);
  }
}
