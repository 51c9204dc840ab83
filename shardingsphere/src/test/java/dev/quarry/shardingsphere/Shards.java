package dev.quarry.shardingsphere;

import dev.quarry.engine.Engine;
import dev.quarry.testing.EmbeddedPostgresServer;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.shardingsphere.driver.jdbc.core.datasource.ShardingSphereDataSource;

/**
 * Two PostgreSQL databases on the JVM's embedded server, {@code ds_0} and {@code ds_1}, with the
 * physical tables created on each, and a ShardingSphere-JDBC data source (from YAML) that shards
 * {@code t_order}, {@code t_note} and {@code t_event} between them by {@code user_id % 2}.
 */
final class Shards implements AutoCloseable {
  /** The physical tables, the same on both databases (ShardingSphere does not create them). */
  static final String[] DDL = {
      "CREATE TABLE t_order (order_id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, status VARCHAR(20),"
          + " amount INTEGER NOT NULL)",
      "CREATE TABLE t_note (id UUID PRIMARY KEY, user_id BIGINT NOT NULL, text VARCHAR(200))",
      // no identity: ShardingSphere's SNOWFLAKE generator fills in the id
      "CREATE TABLE t_event (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, kind VARCHAR(20))",
      // a table no rule names: ShardingSphere treats it as a single table of the database it is found in
      "CREATE TABLE t_plain (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL)",
      // names Quarry quotes: upper-case letters, a reserved word
      "CREATE TABLE \"OrderLines\" (id BIGINT PRIMARY KEY, \"UserId\" BIGINT NOT NULL, \"order\" INTEGER NOT NULL)",
      // as Quarry's SEQUENCE strategy would create it for an entity (pooled, 50 ids a call)
      "CREATE SEQUENCE order_seq INCREMENT BY 50",
  };

  private static Shards shared;

  /** The JVM's shards, created on first use and kept until the JVM exits (as the embedded server is). */
  static synchronized Shards shared() {
    if (shared == null) {
      shared = new Shards();
    }
    return shared;
  }

  final String[] databases = new String[2];
  final ShardingSphereDataSource dataSource;
  final Engine engine;

  Shards() {
    for (int i = 0; i < 2; i++) {
      databases[i] = EmbeddedPostgresServer.createDatabase();
      for (String ddl : DDL) {
        update(i, ddl);
      }
    }
    dataSource = ShardingSphereEngines.dataSource(yaml().getBytes(StandardCharsets.UTF_8));
    engine = ShardingSphereEngines.engine(dataSource);
  }

  String yaml() {
    StringBuilder y = new StringBuilder();
    y.append("databaseName: quarry_sharded\n");
    y.append("mode:\n  type: Standalone\n  repository:\n    type: JDBC\n");
    y.append("dataSources:\n");
    for (int i = 0; i < 2; i++) {
      y.append("  ds_").append(i).append(":\n")
          .append("    dataSourceClassName: com.zaxxer.hikari.HikariDataSource\n")
          .append("    driverClassName: org.postgresql.Driver\n")
          .append("    jdbcUrl: ").append(EmbeddedPostgresServer.jdbcUrl(databases[i])).append("\n")
          .append("    username: postgres\n")
          .append("    maximumPoolSize: 4\n")
          .append("    minimumIdle: 1\n");
    }
    y.append("""
        rules:
        - !SHARDING
          tables:
            t_order:
              actualDataNodes: ds_${0..1}.t_order
            t_note:
              actualDataNodes: ds_${0..1}.t_note
            OrderLines:
              actualDataNodes: ds_${0..1}.OrderLines
              databaseStrategy:
                standard:
                  shardingColumn: UserId
                  shardingAlgorithmName: by_user_id
            t_event:
              actualDataNodes: ds_${0..1}.t_event
              keyGenerateStrategy:
                column: id
                keyGeneratorName: snowflake
          defaultDatabaseStrategy:
            standard:
              shardingColumn: user_id
              shardingAlgorithmName: by_user
          defaultTableStrategy:
            none:
          shardingAlgorithms:
            by_user:
              type: INLINE
              props:
                algorithm-expression: ds_${user_id % 2}
            by_user_id:
              type: INLINE
              props:
                algorithm-expression: ds_${UserId % 2}
          keyGenerators:
            snowflake:
              type: SNOWFLAKE
        props:
          sql-show: false
        """);
    return y.toString();
  }

  /** Runs {@code sql} on physical database {@code shard} directly, past ShardingSphere. */
  void update(int shard, String sql) {
    try (java.sql.Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(databases[shard]));
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " on shard " + shard + ": " + e.getMessage(), e);
    }
  }

  /** The first column of every row {@code sql} returns on physical database {@code shard}, read directly. */
  List<Object> column(int shard, String sql) {
    try (java.sql.Connection c = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl(databases[shard]));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<Object> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getObject(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " on shard " + shard + ": " + e.getMessage(), e);
    }
  }

  /** Empties the tables on both databases. */
  void clear() {
    for (int i = 0; i < 2; i++) {
      update(i, "TRUNCATE t_order, t_note, t_event, t_plain, \"OrderLines\"");
    }
  }

  @Override
  public void close() {
    engine.close();
    try {
      dataSource.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    for (String database : databases) {
      EmbeddedPostgresServer.dropDatabase(database);
    }
  }
}
