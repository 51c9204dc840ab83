package dev.quarry.engine;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * SQL text with {@code ?} placeholders, the values to bind to them, and what the statement
 * returns: result columns (for typed row access) and generated-key columns.
 *
 * @param sql the SQL text; never contains a bound value
 * @param parameters values for the placeholders, in order; immutable
 * @param resultColumns the columns of the rows it returns, in order; empty for statements without
 *     rows; immutable
 * @param generatedKeys columns whose generated values to read back after an INSERT (JDBC
 *     generated keys); empty when none are wanted; immutable. Do not combine with a
 *     {@code RETURNING} clause: PostgreSQL's driver implements generated keys by appending its own.
 */
public record CompiledStatement(String sql, List<Parameter> parameters, List<ResultColumn> resultColumns,
    List<String> generatedKeys) implements Executable {
  /**
   * Takes immutable copies of the lists. Lists that are already immutable — the JDK's
   * {@code List.of}/{@code List.copyOf} lists, or the parameter list of another compiled
   * statement — are kept as they are instead of being copied again.
   */
  public CompiledStatement {
    parameters = parameters instanceof OwnedList<Parameter> owned ? owned : List.copyOf(parameters);
    resultColumns = List.copyOf(resultColumns);
    generatedKeys = List.copyOf(generatedKeys);
  }

  /** A statement with parameters and no declared result columns. */
  public static CompiledStatement of(String sql, List<Parameter> parameters) {
    return new CompiledStatement(sql, parameters, List.of(), List.of());
  }

  /**
   * A statement over the first {@code count} elements of {@code parameters} without copying them:
   * the array is <b>handed over</b> — the caller must not keep or write to it afterwards (it is
   * the compile path's freshly built array, sized from the cached statement shape), which is what
   * keeps {@link #parameters()} immutable. The other lists are treated as by the canonical
   * constructor.
   *
   * @throws NullPointerException if one of the {@code count} parameters is null
   * @throws IndexOutOfBoundsException if {@code count} exceeds the array's length
   */
  public static CompiledStatement withOwnedParameters(String sql, Parameter[] parameters, int count,
      List<ResultColumn> resultColumns, List<String> generatedKeys) {
    Objects.checkFromIndexSize(0, count, parameters.length);
    for (int i = 0; i < count; i++) {
      Objects.requireNonNull(parameters[i], "parameter");
    }
    List<Parameter> owned = count == 0 ? List.of() : new OwnedList<>(parameters, count);
    return new CompiledStatement(sql, owned, resultColumns, generatedKeys);
  }

  /**
   * An unmodifiable view of an array nobody else writes to (see {@link #withOwnedParameters}):
   * immutable, so the canonical constructor keeps it without a copy.
   */
  private static final class OwnedList<E> extends AbstractList<E> implements RandomAccess {
    private final E[] elements;
    private final int size;

    OwnedList(E[] elements, int size) {
      this.elements = elements;
      this.size = size;
    }

    @Override
    public E get(int index) {
      Objects.checkIndex(index, size);
      return elements[index];
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** Itself: a compiled statement runs as it is, whatever the connection's vendor or quoting. */
  @Override
  public CompiledStatement compile(dev.quarry.types.Vendor vendor, IdentifierQuoting quoting) {
    return this;
  }
}
