package dev.quarry.shardingsphere;

import dev.quarry.engine.Engine;
import dev.quarry.engine.EngineBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.apache.shardingsphere.driver.jdbc.core.datasource.ShardingSphereDataSource;

/**
 * Quarry engines over Apache ShardingSphere-JDBC: {@link #engine(DataSource)} on a data source
 * built in Java or by {@link #dataSource(Path)} from ShardingSphere's YAML configuration.
 *
 * <pre>{@code
 * try (ShardingSphereDataSource shards = ShardingSphereEngines.dataSource(Path.of("sharding.yaml"));
 *     Engine engine = ShardingSphereEngines.engine(shards)) {
 *   SessionFactory sessions = SessionFactory.builder(engine).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>The engine has no pool of its own (ShardingSphere pools each storage unit's connections);
 * its vendor is that of the storage units, which ShardingSphere's metadata reports, so Quarry
 * writes the SQL of their database (e.g. PostgreSQL) and ShardingSphere routes and rewrites it.
 * The engine does not close the data source: close it after the engine.
 */
public final class ShardingSphereEngines {
  private ShardingSphereEngines() {}

  /** An engine with default options over a ShardingSphere-JDBC data source. */
  public static Engine engine(DataSource shardingSphere) {
    return builder(shardingSphere).build();
  }

  /**
   * A builder for an engine over a ShardingSphere-JDBC data source, for options such as
   * {@link EngineBuilder#echo} and listeners; pool options do not apply (see
   * {@link Engine#builder(dev.quarry.engine.ConnectionProvider)}).
   */
  public static EngineBuilder builder(DataSource shardingSphere) {
    return Engine.builder(new ShardingSphereConnections(Objects.requireNonNull(shardingSphere, "shardingSphere")));
  }

  /**
   * A ShardingSphere-JDBC data source from a YAML configuration file
   * ({@code YamlShardingSphereDataSourceFactory}); close it when the application stops.
   *
   * @throws IllegalArgumentException when ShardingSphere refuses the configuration
   * @throws IllegalStateException when ShardingSphere cannot start on it (a storage database is unreachable)
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ShardingSphereDataSource dataSource(Path yamlFile) {
    try {
      return dataSource(Files.readAllBytes(yamlFile));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the ShardingSphere configuration " + yamlFile, e);
    }
  }

  /**
   * {@link #dataSource(Path)} from the YAML configuration's bytes (e.g. a class-path resource's).
   *
   * @throws IllegalArgumentException when ShardingSphere refuses the configuration
   * @throws IllegalStateException when ShardingSphere cannot start on it: it connects to every
   *     storage database at once to load their tables
   */
  public static ShardingSphereDataSource dataSource(byte[] yaml) {
    try {
      // The factory's result is always its ShardingSphereDataSource; the type says it can be closed.
      return (ShardingSphereDataSource) YamlShardingSphereDataSourceFactory.createDataSource(yaml);
    } catch (SQLException | IOException | RuntimeException e) {
      // ShardingSphere wraps a storage database's SQLException in its own unchecked exception
      if (causedBySql(e)) {
        throw new IllegalStateException("ShardingSphere could not start: " + String.valueOf(e.getMessage()).strip(), e);
      }
      throw new IllegalArgumentException("ShardingSphere refused the configuration: " + e.getMessage(), e);
    }
  }

  private static boolean causedBySql(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException) {
        return true;
      }
    }
    return false;
  }
}
