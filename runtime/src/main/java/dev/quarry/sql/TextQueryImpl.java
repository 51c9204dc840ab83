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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TextQuery}: the text is parsed once (cached), values are bound by name. */
final class TextQueryImpl implements TextQuery {
  private static final int MAX_PARSED = 2048;
  private static final ConcurrentHashMap<String, Parsed> PARSED = new ConcurrentHashMap<>();
  private static final Set<String> ANY = Set.of(ANY_TABLE);

  private final Parsed parsed;
  private final Map<String, Parameter> bound;
  private final List<Expression<?>> columns;
  /** Declared by {@link #writes(String...)}, else guessed from the first keyword. */
  private final Set<String> writes;

  TextQueryImpl(String text) {
    this(parse(Objects.requireNonNull(text, "text")), Map.of(), List.of(), null);
  }

  private TextQueryImpl(Parsed parsed, Map<String, Parameter> bound, List<Expression<?>> columns,
      Set<String> writes) {
    this.parsed = parsed;
    this.bound = bound;
    this.columns = columns;
    this.writes = writes != null ? writes : readsOnly(parsed.sql) ? Set.of() : ANY;
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
    return new TextQueryImpl(parsed, Map.copyOf(copy), columns, writes);
  }

  @Override
  public TextQuery columns(Expression<?>... resultColumns) {
    return new TextQueryImpl(parsed, bound, List.copyOf(Arrays.asList(resultColumns)), writes);
  }

  @Override
  public TextQuery writes(String... tables) {
    return new TextQueryImpl(parsed, bound, columns, Set.copyOf(Arrays.asList(tables)));
  }

  @Override
  public TextQuery writesNothing() {
    return new TextQueryImpl(parsed, bound, columns, Set.of());
  }

  @Override
  public Set<String> writes() {
    return writes;
  }

  /**
   * Whether the statement only reads, by its first keyword (after blanks, comments and opening
   * parentheses). Anything not known to read may write: {@code WITH} can hide an INSERT, a
   * {@code CALL} anything, and {@code EXPLAIN ANALYZE} runs the statement it explains.
   */
  static boolean readsOnly(String sql) {
    switch (dev.quarry.engine.internal.SqlText.firstWord(sql)) {
      case "SELECT", "VALUES", "TABLE", "SHOW", "DESCRIBE", "DESC":
        return true;
      case "EXPLAIN": // ANALYZE (ANALYSE) runs the statement it explains
        return !sql.toUpperCase(java.util.Locale.ROOT).contains("ANALY");
      case "PRAGMA": // PRAGMA x = y sets
        return sql.indexOf('=') < 0;
      default:
        return false;
    }
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
