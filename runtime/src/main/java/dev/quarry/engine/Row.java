package dev.quarry.engine;

import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Typed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One row of a {@link Result}, detached from the cursor: its values were read when it was fetched.
 * Columns are addressed by the selected expression ({@code row.get(users.name)}), by label, or by
 * 0-based index. Values of columns the statement declared are read with the declared
 * {@link SqlType}; others with a type chosen from the driver's metadata.
 */
public interface Row {
  /** The value of the column selected as {@code key} (the expression object itself). */
  <T> T get(Typed<T> key);

  /** The value of the column labelled {@code label} (exact match first, then ignoring case). */
  Object get(String label);

  /** The value at a 0-based index. */
  Object get(int index);

  /** The value at {@code index} converted to {@code type}'s Java type. */
  <T> T get(int index, SqlType<T> type);

  /** The value labelled {@code label} converted to {@code type}'s Java type. */
  <T> T get(String label, SqlType<T> type);

  /** Number of columns. */
  int size();

  /** The columns, in order. */
  List<ResultColumn> columns();

  /** All values, in column order (nulls included). */
  List<Object> values();

  default String getString(int index) {
    return get(index, SqlTypes.TEXT);
  }

  default String getString(String label) {
    return get(label, SqlTypes.TEXT);
  }

  default Integer getInt(int index) {
    return get(index, SqlTypes.INTEGER);
  }

  default Integer getInt(String label) {
    return get(label, SqlTypes.INTEGER);
  }

  default Long getLong(int index) {
    return get(index, SqlTypes.BIGINT);
  }

  default Long getLong(String label) {
    return get(label, SqlTypes.BIGINT);
  }

  default Double getDouble(int index) {
    return get(index, SqlTypes.DOUBLE);
  }

  default Double getDouble(String label) {
    return get(label, SqlTypes.DOUBLE);
  }

  default BigDecimal getBigDecimal(int index) {
    return get(index, SqlTypes.DECIMAL);
  }

  default BigDecimal getBigDecimal(String label) {
    return get(label, SqlTypes.DECIMAL);
  }

  default Boolean getBoolean(int index) {
    return get(index, SqlTypes.BOOLEAN);
  }

  default Boolean getBoolean(String label) {
    return get(label, SqlTypes.BOOLEAN);
  }

  default byte[] getBytes(int index) {
    return get(index, SqlTypes.BINARY);
  }

  default byte[] getBytes(String label) {
    return get(label, SqlTypes.BINARY);
  }

  default LocalDate getLocalDate(int index) {
    return get(index, SqlTypes.DATE);
  }

  default LocalDate getLocalDate(String label) {
    return get(label, SqlTypes.DATE);
  }

  default LocalDateTime getLocalDateTime(int index) {
    return get(index, SqlTypes.TIMESTAMP);
  }

  default LocalDateTime getLocalDateTime(String label) {
    return get(label, SqlTypes.TIMESTAMP);
  }

  default OffsetDateTime getOffsetDateTime(int index) {
    return get(index, SqlTypes.TIMESTAMP_TZ);
  }

  default Instant getInstant(int index) {
    return get(index, SqlTypes.INSTANT);
  }

  default Instant getInstant(String label) {
    return get(label, SqlTypes.INSTANT);
  }

  default UUID getUuid(int index) {
    return get(index, SqlTypes.UUID_TYPE);
  }

  default UUID getUuid(String label) {
    return get(label, SqlTypes.UUID_TYPE);
  }
}
