package dev.quarry.engine;

import dev.quarry.types.Vendor;
import java.util.List;

/** What a {@link DatabaseException} records about the failed statement. */
record FailureContext(String sql, List<Parameter> parameters, Vendor vendor, String sqlState, int vendorCode) {
  FailureContext {
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
  }
}
