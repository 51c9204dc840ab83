package dev.quarry.sql.dialect;

import dev.quarry.types.Vendor;

/** Standard SQL for databases Quarry has no dialect of its own for. */
final class AnsiDialect extends Dialect {
  static final AnsiDialect INSTANCE = new AnsiDialect();

  private AnsiDialect() {
    super(Vendor.OTHER);
  }
}
