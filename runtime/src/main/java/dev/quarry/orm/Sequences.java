package dev.quarry.orm;

import dev.quarry.spi.EntityMapping;
import dev.quarry.types.Vendor;

/** The statement that draws the next value of a sequence on each database. */
final class Sequences {
  private Sequences() {}

  static String nextValueSql(Vendor vendor, String sequence, EntityMapping<?> m) {
    String schema = m.table().schema();
    String quoted = (schema == null ? "" : Identifiers.quote(vendor, schema) + ".") + Identifiers.quote(vendor, sequence);
    return switch (vendor) {
      case POSTGRESQL -> "SELECT nextval('" + quoted.replace("'", "''") + "')";
      case H2 -> "SELECT NEXT VALUE FOR " + quoted;
      case MARIADB -> "SELECT NEXTVAL(" + quoted + ")";
      default -> throw new OrmException(m.entityName() + " draws its ids from sequence " + sequence + ", but "
          + vendor.displayName() + " has no sequences; use @GeneratedValue(strategy = IDENTITY) or UUID there");
    };
  }
}
