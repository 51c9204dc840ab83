package dev.quarry.engine;

import dev.quarry.types.Vendor;

/**
 * A statement the engine can run. The SQL layer's statements implement it; the engine itself
 * knows nothing of how they are built. Implementations render through a cache keyed by the
 * statement's shape, so compiling the same shape twice renders once.
 */
public interface Executable {
  /** The SQL text and bound parameters of this statement for {@code vendor}. */
  CompiledStatement compile(Vendor vendor);
}
