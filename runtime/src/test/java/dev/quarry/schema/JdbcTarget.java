package dev.quarry.schema;

import dev.quarry.types.Vendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A DDL target straight over JDBC, recording what ran. */
final class JdbcTarget implements DdlTarget {
  final Connection connection;
  final List<String> executed = new ArrayList<>();

  JdbcTarget(Connection connection) {
    this.connection = connection;
  }

  @Override
  public Vendor vendor() {
    try {
      return Vendor.fromProductName(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Connection jdbc() {
    return connection;
  }

  @Override
  public void execute(String sql) {
    executed.add(sql);
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new SchemaException(sql + ": " + e.getMessage(), e);
    }
  }

  void run(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
