package dev.quarry.benchmarks.boot;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** JDBC's bootstrap: the pool, a connection and one prepared statement (JDBC has no entities to register). */
final class JdbcBoot {
  private JdbcBoot() {}

  static Booted run(BenchDatabase db) throws Exception {
    HikariDataSource pool = db.pool("jdbc-boot");
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement(
            "SELECT id, name, amount, created_at, counter, active FROM boot_01 WHERE id = ?")) {
      p.setLong(1, 1);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return new Booted(Booted.row(r.getLong(1), r.getString(2), r.getBigDecimal(3),
            r.getTimestamp(4).toLocalDateTime(), r.getLong(5), r.getBoolean(6)), pool);
      }
    }
  }
}
