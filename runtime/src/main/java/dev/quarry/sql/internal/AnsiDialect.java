package dev.quarry.sql.internal;

import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.types.Vendor;

/** Standard SQL for databases Quarry has no dialect of its own for. */
final class AnsiDialect extends Dialect {
  static final AnsiDialect INSTANCE = new AnsiDialect(IdentifierQuoting.AS_NEEDED);
  static final AnsiDialect QUOTING_EVERY_NAME = new AnsiDialect(IdentifierQuoting.EVERY_NAME);

  private AnsiDialect(IdentifierQuoting quoting) {
    super(Vendor.OTHER, quoting);
  }
}
