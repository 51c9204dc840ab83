package dev.quarry.shardingsphere;

import dev.quarry.engine.ConnectionProvider;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Lends ShardingSphere's logical connections straight from its data source, one per
 * {@link dev.quarry.engine.Engine#connect()}, and closes them on release.
 *
 * <p>Why no Quarry pool in front: ShardingSphere pools the physical connections of every storage
 * unit itself, and a logical connection keeps the physical ones it used until it is closed. A
 * HikariCP pool of logical connections would pin physical connections to idle pooled objects
 * (up to pool size × storage units) and validate, time out and reset connections that are not
 * connections to one database. Opening a logical connection costs no round trip.
 */
final class ShardingSphereConnections implements ConnectionProvider {
  private final DataSource dataSource;

  ShardingSphereConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public java.sql.Connection acquire() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void release(java.sql.Connection connection) throws SQLException {
    connection.close();
  }

  @Override
  public String toString() {
    return "ShardingSphere " + dataSource;
  }
}
