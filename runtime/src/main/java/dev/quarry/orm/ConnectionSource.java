package dev.quarry.orm;

import dev.quarry.types.Vendor;
import java.sql.Connection;
import java.sql.SQLException;

/** Where a session factory gets its JDBC connections (a pool) and which database they talk to. */
interface ConnectionSource {
  Connection open() throws SQLException;

  Vendor vendor();
}
