package dev.quarry.orm;

import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one result row into a value (an entity, a tuple, a scalar). */
@FunctionalInterface
interface RowReader<T> {
  T read(ResultSet rs, Vendor vendor) throws SQLException;
}
