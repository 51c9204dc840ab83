package dev.quarry.orm;

import dev.quarry.types.Vendor;

/** Quotes identifiers for the statements the unit of work renders itself. */
final class Identifiers {
  private Identifiers() {}

  static String quote(Vendor vendor, String name) {
    char q = vendor == Vendor.MYSQL || vendor == Vendor.MARIADB ? '`' : '"';
    StringBuilder sb = new StringBuilder(name.length() + 2).append(q);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == q) {
        sb.append(q);
      }
      sb.append(c);
    }
    return sb.append(q).toString();
  }
}
