package dev.quarry.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds the generated {@link EntityMapping} of an entity class. Registries are discovered once
 * with {@link ServiceLoader} (the processor writes the service entry); lookups are map reads.
 */
@Internal
public final class Mappings {
  private static volatile Map<Class<?>, EntityMapping<?>> byType;

  private Mappings() {}

  /**
   * The mapping of {@code type}.
   *
   * @throws IllegalArgumentException naming the class and what to check when there is none
   */
  @SuppressWarnings("unchecked")
  public static <E> EntityMapping<E> of(Class<E> type) {
    EntityMapping<?> m = all().get(type);
    if (m == null) {
      // Objects the session loads are generated subclasses; look their entity class up too.
      Class<?> parent = type.getSuperclass();
      m = parent == null ? null : all().get(parent);
    }
    if (m == null) {
      throw new IllegalArgumentException(type.getName() + " is not a mapped entity: annotate it with @Entity and "
          + "make sure quarry-processor runs (it must be on the annotation processor path)");
    }
    return (EntityMapping<E>) m;
  }

  /** Every mapping found on the class path, by entity class. */
  public static Map<Class<?>, EntityMapping<?>> all() {
    Map<Class<?>, EntityMapping<?>> m = byType;
    if (m == null) {
      synchronized (Mappings.class) {
        m = byType;
        if (m == null) {
          m = load(Mappings.class.getClassLoader());
          byType = m;
        }
      }
    }
    return m;
  }

  /** Registers the mappings and projections of a registry explicitly (for class loaders the service loader does not see). */
  public static synchronized void register(MappingRegistry registry) {
    Map<Class<?>, EntityMapping<?>> m = new HashMap<>(all());
    for (EntityMapping<?> mapping : registry.mappings()) {
      m.put(mapping.entityType(), mapping);
    }
    byType = Collections.unmodifiableMap(m);
    Projections.register(registry);
  }

  private static Map<Class<?>, EntityMapping<?>> load(ClassLoader loader) {
    Map<Class<?>, EntityMapping<?>> m = new HashMap<>();
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(loader);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != loader) {
      loaders.add(context);
    }
    for (ClassLoader l : loaders) {
      for (MappingRegistry registry : ServiceLoader.load(MappingRegistry.class, l)) {
        for (EntityMapping<?> mapping : registry.mappings()) {
          m.putIfAbsent(mapping.entityType(), mapping);
        }
      }
    }
    return Collections.unmodifiableMap(m);
  }
}
