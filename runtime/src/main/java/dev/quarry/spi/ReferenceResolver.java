package dev.quarry.spi;

/**
 * Finds an object the session already tracks for a key read from a row, so the generated
 * {@link EntityMapping#read} can point a to-one property at it instead of creating a
 * key-only reference object for every row (a graph of 1,000 books made 1,000 throwaway authors).
 */
@FunctionalInterface
@Internal
public interface ReferenceResolver {
  /** Never finds anything: the mapping creates key-only references (refresh, direct reads). */
  ReferenceResolver NONE = (identityType, id) -> null;

  /**
   * The tracked, not deleted object whose identity-map key is {@code identityType} and {@code id},
   * or null when the session has none (the mapping then creates a key-only reference). The caller
   * checks that the object is of the property's type (with inheritance it may be another subclass).
   */
  Object resolve(Class<?> identityType, Object id);
}
