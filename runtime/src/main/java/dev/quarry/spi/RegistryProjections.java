package dev.quarry.spi;

import dev.quarry.engine.CursorReader;
import dev.quarry.engine.ProjectionResolver;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The engine's {@link ProjectionResolver}: the generated projections of the registries
 * ({@link Projections}). The runtime provides it as a service of its own module so that the engine,
 * which sits below this package, does not import it.
 */
@Internal
public final class RegistryProjections implements ProjectionResolver {
  /** Called by {@link java.util.ServiceLoader}. */
  public RegistryProjections() {}

  @Override
  public <R> CursorReader<R> bind(Class<R> type, ResultSet rs) throws SQLException {
    return Projections.bind(type, rs);
  }
}
