package dev.quarry.engine;

import dev.quarry.types.Vendor;

/**
 * A statement the engine can run. The SQL layer's statements implement it; the engine itself
 * knows nothing of how they are built. Implementations render through a cache keyed by the
 * statement's shape, so compiling the same shape twice renders once.
 */
public interface Executable {
  /** The SQL text and bound parameters of this statement for {@code vendor}, names quoted as {@code quoting} says. */
  CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting);

  /** The SQL text and bound parameters for {@code vendor}, names quoted only as needed (the engines' default). */
  default CompiledStatement compile(Vendor vendor) {
    return compile(vendor, IdentifierQuoting.AS_NEEDED);
  }
}
