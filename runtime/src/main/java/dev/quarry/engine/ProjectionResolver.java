package dev.quarry.engine;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How {@link Result#into} finds the reader of a record class. The engine sits below the layer that
 * knows generated code, so it does not look registries up itself: the runtime provides one
 * implementation ({@code dev.quarry.spi.RegistryProjections}, over the generated registries) as a
 * service of its own module, found once with {@link java.util.ServiceLoader}. Not for applications.
 */
public interface ProjectionResolver {
  /**
   * The reader of {@code type} for the columns of {@code rs}, bound by label before any row is read.
   *
   * @throws IllegalArgumentException when {@code type} has no generated projection
   * @throws ProjectionException when the columns do not fit the record
   */
  <R> CursorReader<R> bind(Class<R> type, ResultSet rs) throws SQLException;
}
