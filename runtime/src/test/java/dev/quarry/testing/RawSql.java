package dev.quarry.testing;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Executable;
import dev.quarry.engine.Parameter;
import dev.quarry.engine.ResultColumn;
import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Typed;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written statement for tests that must not depend on the SQL layer: SQL text with
 * {@code ?} placeholders (optionally a different text per vendor, for DDL), typed parameters,
 * declared result columns and generated-key columns. Immutable; each method returns a copy.
 *
 * <pre>{@code
 * RawSql.of("INSERT INTO users (name, password) VALUES (?, ?)")
 *     .bind("name", "ann").bind("password", "s3cret")
 *     .generatedKeys("id")
 * }</pre>
 */
public final class RawSql implements Executable {
  private final String sql;
  private final Map<Vendor, String> variants;
  private final List<Parameter> parameters;
  private final List<ResultColumn> columns;
  private final List<String> generatedKeys;

  private RawSql(String sql, Map<Vendor, String> variants, List<Parameter> parameters, List<ResultColumn> columns,
      List<String> generatedKeys) {
    this.sql = sql;
    this.variants = variants;
    this.parameters = parameters;
    this.columns = columns;
    this.generatedKeys = generatedKeys;
  }

  /** SQL with positional values, each typed from its runtime class ({@link SqlTypes#forValue}). */
  public static RawSql of(String sql, Object... values) {
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      parameters.add(Parameter.of("p" + (i + 1), values[i]));
    }
    return new RawSql(sql, new EnumMap<>(Vendor.class), List.copyOf(parameters), List.of(), List.of());
  }

  /** A copy using {@code vendorSql} instead of the default text on {@code vendor}. */
  public RawSql on(Vendor vendor, String vendorSql) {
    Map<Vendor, String> copy = new EnumMap<>(Vendor.class);
    copy.putAll(variants);
    copy.put(vendor, vendorSql);
    return new RawSql(sql, copy, parameters, columns, generatedKeys);
  }

  /** A copy with one more parameter, typed from the value's class. */
  public RawSql bind(String name, Object value) {
    return bind(name, value, SqlTypes.forValue(value));
  }

  /** A copy with one more parameter bound with {@code type}. */
  public <T> RawSql bind(String name, T value, SqlType<? super T> type) {
    List<Parameter> copy = new ArrayList<>(parameters);
    copy.add(new Parameter(name, value, type));
    return new RawSql(sql, variants, List.copyOf(copy), columns, generatedKeys);
  }

  /** A copy declaring one more result column, looked up by {@code key} and read with its type. */
  public RawSql column(Typed<?> key, String label) {
    return column(key, label, key.type());
  }

  /** A copy declaring one more result column read with {@code type}. */
  public RawSql column(Object key, String label, SqlType<?> type) {
    List<ResultColumn> copy = new ArrayList<>(columns);
    copy.add(new ResultColumn(key, label, type));
    return new RawSql(sql, variants, parameters, List.copyOf(copy), generatedKeys);
  }

  /** A copy asking for the generated values of these columns. */
  public RawSql generatedKeys(String... names) {
    return new RawSql(sql, variants, parameters, columns, List.of(names));
  }

  @Override
  public CompiledStatement compile(Vendor vendor, dev.quarry.engine.IdentifierQuoting quoting) {
    return new CompiledStatement(variants.getOrDefault(vendor, sql), parameters, columns, generatedKeys);
  }

  @Override
  public String toString() {
    return sql;
  }
}
