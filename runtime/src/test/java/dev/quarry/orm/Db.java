package dev.quarry.orm;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.schema.Metadata;
import dev.quarry.sql.Table;
import dev.quarry.types.Vendor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The three test databases; each {@link #fresh} call gives an empty database with the model's tables. */
enum Db {
  SQLITE, H2, POSTGRESQL;

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // shutting down
        }
      }));
    }
    return postgres;
  }

  Vendor vendor() {
    return switch (this) {
      case SQLITE -> Vendor.SQLITE;
      case H2 -> Vendor.H2;
      case POSTGRESQL -> Vendor.POSTGRESQL;
    };
  }

  /** A pool over a new empty database holding {@code tables}; close it after the test. */
  HikariDataSource fresh(List<Table> tables) {
    int n = COUNTER.incrementAndGet();
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(4);
    config.setPoolName("test-" + name() + "-" + n);
    switch (this) {
      case SQLITE -> {
        try {
          Path file = Files.createTempFile("quarry-orm-", ".db");
          file.toFile().deleteOnExit();
          config.setJdbcUrl("jdbc:sqlite:" + file);
          config.addDataSourceProperty("foreign_keys", "true");
          config.addDataSourceProperty("journal_mode", "WAL");
          config.addDataSourceProperty("busy_timeout", "2000");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      case H2 -> config.setJdbcUrl("jdbc:h2:mem:orm" + n + ";DB_CLOSE_DELAY=-1");
      case POSTGRESQL -> {
        String db = "orm" + n;
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
          st.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
        config.setJdbcUrl(postgres().getJdbcUrl("postgres", db));
        config.setUsername("postgres");
      }
    }
    HikariDataSource ds = new HikariDataSource(config);
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      for (String ddl : Metadata.of(tables).createStatements(vendor())) {
        st.execute(ddl);
      }
    } catch (SQLException e) {
      ds.close();
      throw new IllegalStateException(e);
    }
    return ds;
  }

  /** Runs a query outside any session and returns the first column of the first row as a long. */
  static long count(javax.sql.DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs an update statement outside any session. */
  static void exec(javax.sql.DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
