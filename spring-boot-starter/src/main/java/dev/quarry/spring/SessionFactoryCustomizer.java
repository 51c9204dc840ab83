package dev.quarry.spring;

import dev.quarry.orm.SessionFactory;

/** Adjusts the auto-configured {@link SessionFactory} beyond the {@code quarry.session.*} properties (callbacks, listeners). */
@FunctionalInterface
public interface SessionFactoryCustomizer {
  /** Called with the builder before the factory is built. */
  void customize(SessionFactory.Builder builder);
}
