package dev.quarry.benchmarks.probes;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Plain-JDBC evidence for BENCHMARKS.md's first finding: on H2 a ROLLBACK empties the
 * connection's parsed-statement cache, so a read in a transaction that ends with ROLLBACK pays a
 * full parse, while one that ends with COMMIT (or runs in auto-commit) does not. Prints the
 * thread's CPU time per read for the three endings.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.quarry.benchmarks.probes.H2RollbackProbe}.
 */
public final class H2RollbackProbe {
  private H2RollbackProbe() {}

  public static void main(String[] args) throws SQLException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:probe", "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE item (id BIGINT PRIMARY KEY, name VARCHAR(64), age INT, score DOUBLE PRECISION,"
            + " created_at TIMESTAMP)");
        s.execute("INSERT INTO item SELECT X, 'n' || X, X % 60, X * 0.5, TIMESTAMP '2024-01-01 00:00:00'"
            + " FROM SYSTEM_RANGE(1, 1000)");
      }
      String sql = "SELECT id, name, age, score, created_at FROM item WHERE id = ?";
      int reads = 20_000;
      for (int round = 0; round < 3; round++) {
        for (String ending : new String[] {"autocommit", "rollback", "commit"}) {
          long start = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < reads; i++) {
            boolean tx = !ending.equals("autocommit");
            if (tx) {
              c.setAutoCommit(false);
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
              p.setLong(1, 1 + i % 1000);
              try (ResultSet r = p.executeQuery()) {
                r.next();
                r.getString(2);
              }
            }
            if (ending.equals("rollback")) {
              c.rollback();
            } else if (ending.equals("commit")) {
              c.commit();
            }
            if (tx) {
              c.setAutoCommit(true);
            }
          }
          if (round == 2) { // the first two rounds warm the JIT up
            System.out.printf(Locale.ROOT, "%-10s %.2f µs CPU per read%n", ending,
                (threads.getCurrentThreadCpuTime() - start) / 1000.0 / reads);
          }
        }
      }
    }
  }
}
