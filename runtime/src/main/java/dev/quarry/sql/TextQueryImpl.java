package dev.quarry.sql;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.IdentifierQuoting;
import dev.quarry.engine.Parameter;
import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TextQuery}: the text is parsed once (cached), values are bound by name. */
final class TextQueryImpl implements TextQuery {
  private static final int MAX_PARSED = 2048;
  private static final ConcurrentHashMap<String, Parsed> PARSED = new ConcurrentHashMap<>();

  private final Parsed parsed;
  private final Map<String, Parameter> bound;
  private final List<Expression<?>> columns;

  TextQueryImpl(String text) {
    this(parse(Objects.requireNonNull(text, "text")), Map.of(), List.of());
  }

  private TextQueryImpl(Parsed parsed, Map<String, Parameter> bound, List<Expression<?>> columns) {
    this.parsed = parsed;
    this.bound = bound;
    this.columns = columns;
  }

  @Override
  public TextQuery bind(String name, Object value) {
    return bindParameter(new Parameter(name, value, SqlTypes.forValue(value)));
  }

  @Override
  public <T> TextQuery bind(String name, T value, SqlType<T> type) {
    return bindParameter(new Parameter(name, type.cast(value), type));
  }

  private TextQuery bindParameter(Parameter p) {
    if (!parsed.names.contains(p.name())) {
      throw new IllegalArgumentException("the SQL text has no parameter :" + p.name() + "; its parameters are "
          + parameterNames());
    }
    Map<String, Parameter> copy = new HashMap<>(bound);
    copy.put(p.name(), p);
    return new TextQueryImpl(parsed, Map.copyOf(copy), columns);
  }

  @Override
  public TextQuery columns(Expression<?>... resultColumns) {
    return new TextQueryImpl(parsed, bound, List.copyOf(Arrays.asList(resultColumns)));
  }

  @Override
  public List<String> parameterNames() {
    return List.copyOf(new LinkedHashSet<>(parsed.names));
  }

  @Override
  public CompiledStatement compile(Vendor vendor, IdentifierQuoting quoting) {
    Parameter[] params = new Parameter[parsed.names.size()];
    for (int i = 0; i < params.length; i++) {
      String name = parsed.names.get(i);
      Parameter p = bound.get(name);
      if (p == null) {
        throw new IllegalStateException("parameter :" + name + " of the SQL text is not bound; bound: "
            + bound.keySet());
      }
      params[i] = p;
    }
    return CompiledStatement.withOwnedParameters(parsed.sql, params, params.length,
        Statements.resultColumns(columns), List.of());
  }

  @Override
  public String toString() {
    return parsed.sql;
  }

  /** SQL with {@code ?} placeholders and the parameter name of each, in order. */
  record Parsed(String sql, List<String> names) {}

  static Parsed parse(String text) {
    Parsed p = PARSED.get(text);
    if (p == null) {
      p = new TextParser(text).parse();
      if (PARSED.size() >= MAX_PARSED) {
        PARSED.clear();
      }
      PARSED.put(text, p);
    }
    return p;
  }
}
