package dev.quarry.engine;

import dev.quarry.types.Vendor;
import java.util.List;
import java.util.Set;

/**
 * A statement the engine can run. The SQL layer's statements implement it; the engine itself
 * knows nothing of how they are built. Implementations render through a cache keyed by the
 * statement's shape, so compiling the same shape twice renders once.
 */
public interface Executable {
  /** In {@link #writes()}: the statement may change rows of tables it cannot name. */
  String ANY_TABLE = "*";

  /** The SQL text and bound parameters of this statement for {@code vendor}, names quoted as {@code quoting} says. */
  CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting);

  /** The SQL text and bound parameters for {@code vendor}, names quoted only as needed (the engines' default). */
  default CompiledStatement compile(Vendor vendor) {
    return compile(vendor, IdentifierQuoting.AS_NEEDED);
  }

  /**
   * The statements that together do what this one does on {@code vendor}: this one alone, unless it
   * holds more values than the database takes in one statement (a multi-row INSERT above the
   * bind-parameter limit, split by rows). The engine runs several parts all or nothing, in one
   * transaction or savepoint, and reports their summed row count.
   */
  default List<? extends Executable> parts(Vendor vendor, IdentifierQuoting quoting) {
    return List.of(this);
  }

  /**
   * The tables whose rows this statement may change, each named as {@code Table.qualifiedName()}
   * names it ({@code schema.name}, or {@code name}); empty for a read (the default).
   * {@link #ANY_TABLE} in the set: it may change rows of tables it cannot name. The engine reports
   * them to {@link EngineListener#changesCommitted} once they are committed.
   */
  default Set<String> writes() {
    return Set.of();
  }
}
