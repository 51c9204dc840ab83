package dev.quarry.engine;

import java.util.Iterator;
import java.util.ServiceLoader;

/** The runtime's {@link ProjectionResolver}, loaded once. */
final class Projections {
  private Projections() {}

  private static final class Holder {
    static final ProjectionResolver RESOLVER = load();

    private static ProjectionResolver load() {
      Iterator<ProjectionResolver> it = ServiceLoader.load(ProjectionResolver.class,
          ProjectionResolver.class.getClassLoader()).iterator();
      if (!it.hasNext()) {
        throw new IllegalStateException("no " + ProjectionResolver.class.getName() + " found: quarry-runtime's "
            + "service entry is missing (a shaded or repackaged jar must keep META-INF/services)");
      }
      return it.next();
    }
  }

  static ProjectionResolver resolver() {
    return Holder.RESOLVER;
  }
}
