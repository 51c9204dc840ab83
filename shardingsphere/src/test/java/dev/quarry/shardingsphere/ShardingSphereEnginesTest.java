package dev.quarry.shardingsphere;

import static dev.quarry.sql.Sql.count;
import static dev.quarry.sql.Sql.insertInto;
import static dev.quarry.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.engine.Connection;
import dev.quarry.engine.Engine;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.shardingsphere.driver.jdbc.core.datasource.ShardingSphereDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry points: a data source from a YAML file, an engine over it, refusals. */
class ShardingSphereEnginesTest {
  private static final QShardedOrder O = QShardedOrder.shardedOrder;
  private final Shards shards = Shards.shared();

  @Test
  void anEngineOverADataSourceReadFromAYamlFile(@TempDir Path dir) throws Exception {
    shards.clear();
    Path yaml = Files.writeString(dir.resolve("sharding.yaml"),
        shards.yaml().replace("databaseName: quarry_sharded", "databaseName: quarry_from_file"), StandardCharsets.UTF_8);
    try (ShardingSphereDataSource dataSource = ShardingSphereEngines.dataSource(yaml);
        Engine engine = ShardingSphereEngines.builder(dataSource).echo(true).build();
        Connection c = engine.connect()) {
      c.executeUpdate(insertInto(O).columns(O.orderId, O.userId, O.status, O.amount).values(1L, 11L, "f", 1));
      assertEquals(1L, ((Number) c.execute(select(count()).from(O)).scalar()).longValue());
    }
    assertEquals(List.of(1L), shards.column(1, "SELECT order_id FROM t_order"));
  }

  @Test
  void aConfigurationShardingSphereRefusesIsAnIllegalArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardingSphereEngines.dataSource(
        "databaseName: broken\nrules:\n- !NO_SUCH_RULE\n  x: 1\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(true, e.getMessage().startsWith("ShardingSphere refused the configuration"), e.getMessage());
  }

  @Test
  void anUnreachableStorageDatabaseIsAnIllegalState() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String yaml = shards.yaml().replace("databaseName: quarry_sharded", "databaseName: quarry_unreachable")
        .replaceFirst("jdbc:postgresql://[^/]+/", "jdbc:postgresql://localhost:" + closedPort + "/")
        .replace("minimumIdle: 1", "minimumIdle: 1\n    connectionTimeout: 1000");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ShardingSphereEngines.dataSource(yaml.getBytes(StandardCharsets.UTF_8)));
    assertEquals(true, e.getMessage().startsWith("ShardingSphere could not start"), e.getMessage());
  }

  @Test
  void aMissingFileIsAnUncheckedIoException(@TempDir Path dir) {
    assertThrows(UncheckedIOException.class, () -> ShardingSphereEngines.dataSource(dir.resolve("missing.yaml")));
  }

  @Test
  void closingTheEngineLeavesTheDataSourceOpen() {
    Engine engine = ShardingSphereEngines.engine(shards.dataSource);
    engine.close();
    try (Connection c = shards.engine.connect()) {
      c.execute(select(count()).from(O)).scalar();
    }
  }
}
