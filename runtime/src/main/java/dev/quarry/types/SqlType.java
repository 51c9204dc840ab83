package dev.quarry.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A column type: the Java type of its values, the SQL type family with length, precision and
 * scale for DDL, and how values are read from and bound to JDBC on each {@link Vendor}.
 *
 * <p>Instances are immutable and compared by value. Built-in types come from {@link SqlTypes};
 * {@link #converted(Converter, Class)} layers a user {@link Converter} on top of one.
 *
 * @param <T> the Java type of values
 */
public abstract class SqlType<T> {
  private final TypeKind kind;
  private final Class<T> javaType;
  private final int length;
  private final int precision;
  private final int scale;

  protected SqlType(TypeKind kind, Class<T> javaType, int length, int precision, int scale) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.javaType = Objects.requireNonNull(javaType, "javaType");
    this.length = length;
    this.precision = precision;
    this.scale = scale;
  }

  /** The SQL type family. */
  public final TypeKind kind() {
    return kind;
  }

  /** The Java class of values. */
  public final Class<T> javaType() {
    return javaType;
  }

  /** Declared length of character or binary types; 0 when unspecified. */
  public final int length() {
    return length;
  }

  /** Declared precision of DECIMAL; 0 when unspecified. */
  public final int precision() {
    return precision;
  }

  /** Declared scale of DECIMAL. */
  public final int scale() {
    return scale;
  }

  /** Reads the value at {@code index} (1-based), or null for SQL NULL. */
  public abstract T read(ResultSet rs, int index, Vendor vendor) throws SQLException;

  /** Binds {@code value} (possibly null) to parameter {@code index} (1-based). */
  public abstract void bind(PreparedStatement ps, int index, T value, Vendor vendor) throws SQLException;

  /**
   * Binds a value of unchecked type; used where parameters travel as {@code Object}.
   *
   * @throws IllegalArgumentException if the value is not an instance of {@link #javaType()}
   */
  public final void bindObject(PreparedStatement ps, int index, Object value, Vendor vendor) throws SQLException {
    bind(ps, index, cast(value), vendor);
  }

  /** The value as this type's Java type. */
  public final T cast(Object value) {
    if (value == null) {
      return null;
    }
    if (!javaType.isInstance(value)) {
      throw new IllegalArgumentException("a " + describe() + " value must be a " + javaType.getName()
          + ", got " + value.getClass().getName());
    }
    return javaType.cast(value);
  }

  /**
   * Converts a value obtained without this type — from JDBC's {@code getObject}, or read by another
   * type — to this type's Java type: numbers between widths (failing rather than losing digits),
   * text to numbers, dates, times and UUIDs (as SQLite stores them), {@code java.sql} temporals to
   * {@code java.time}. A converted type converts to its stored type first, then applies its
   * converter.
   *
   * @throws IllegalArgumentException when the value cannot be converted
   */
  public T fromObject(Object value) {
    return javaType.cast(ValueConversions.convert(value, javaType));
  }

  /** Copy of this type with another length (VARCHAR, CHAR, BINARY). */
  public SqlType<T> withLength(int newLength) {
    throw new UnsupportedOperationException(describe() + " has no length");
  }

  /** Copy of this type with another precision and scale (DECIMAL). */
  public SqlType<T> withPrecision(int newPrecision, int newScale) {
    throw new UnsupportedOperationException(describe() + " has no precision");
  }

  /**
   * Copy of this date or time type that SQLite stores as text in {@code pattern}, a
   * {@link java.time.format.DateTimeFormatter} pattern (SQLAlchemy's {@code storage_format}): for
   * existing data written in another form than Quarry's default ({@code 2024-05-01 13:45:00}, the
   * fraction only when not zero). Other databases store the type natively and ignore the pattern.
   * Offset date-times and instants are written in UTC.
   *
   * @throws UnsupportedOperationException when this is not a date or time type
   * @throws IllegalArgumentException when the pattern cannot write this type's values and read them back
   */
  public SqlType<T> withStorageFormat(String pattern) {
    throw new UnsupportedOperationException(describe() + " is not a date or time type: only those have a storage format");
  }

  /** A type storing {@code J} values through {@code converter} in this type's column. */
  public final <J> SqlType<J> converted(Converter<J, T> converter, Class<J> propertyType) {
    return new ConvertedType<>(this, converter, propertyType);
  }

  /**
   * Copies a value for snapshots so later mutation of the original is detected; identity for
   * immutable values, a clone for arrays.
   */
  public T copy(T value) {
    return value;
  }

  /** Whether two values are equal for dirty checking (arrays by content). */
  public boolean same(T a, T b) {
    return Objects.equals(a, b);
  }

  /** Short description for messages, e.g. {@code VARCHAR(255)}. */
  public String describe() {
    if (kind == TypeKind.DECIMAL && precision > 0) {
      return kind + "(" + precision + "," + scale + ")";
    }
    return length > 0 ? kind + "(" + length + ")" : kind.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SqlType) || (o instanceof ConvertedType) != (this instanceof ConvertedType)
        || o instanceof FormattedTemporalType) {
      return false;
    }
    SqlType<?> other = (SqlType<?>) o;
    return kind == other.kind && javaType == other.javaType && length == other.length
        && precision == other.precision && scale == other.scale;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, javaType, length, precision, scale);
  }

  @Override
  public String toString() {
    return describe() + "<" + javaType.getSimpleName() + ">";
  }
}
