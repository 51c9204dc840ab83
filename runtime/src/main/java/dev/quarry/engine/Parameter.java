package dev.quarry.engine;

import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;

/**
 * One bound value with the type that binds it.
 *
 * @param name what the value is for (column or parameter name), used in error messages and to
 *     elide secret-looking values; may be null
 * @param value the value, possibly null
 * @param type binds the value
 */
public record Parameter(String name, Object value, SqlType<?> type) {
  /** A parameter typed from the value's runtime class. */
  public static Parameter of(String name, Object value) {
    return new Parameter(name, value, SqlTypes.forValue(value));
  }
}
