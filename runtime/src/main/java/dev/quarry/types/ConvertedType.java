package dev.quarry.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/** A {@link SqlType} storing values through a {@link Converter} in a base type's column. */
final class ConvertedType<J, D> extends SqlType<J> {
  private final SqlType<D> base;
  private final Converter<J, D> converter;

  ConvertedType(SqlType<D> base, Converter<J, D> converter, Class<J> propertyType) {
    super(base.kind(), propertyType, base.length(), base.precision(), base.scale());
    this.base = base;
    this.converter = Objects.requireNonNull(converter, "converter");
  }

  @Override
  public J read(ResultSet rs, int index, Vendor vendor) throws SQLException {
    D stored = base.read(rs, index, vendor);
    return stored == null ? null : converter.fromDatabase(stored);
  }

  @Override
  public void bind(PreparedStatement ps, int index, J value, Vendor vendor) throws SQLException {
    base.bind(ps, index, value == null ? null : converter.toDatabase(value), vendor);
  }

  @Override
  public J fromObject(Object value) {
    if (value == null || javaType().isInstance(value)) {
      return javaType().cast(value);
    }
    return converter.fromDatabase(base.fromObject(value));
  }

  @Override
  public SqlType<J> withLength(int newLength) {
    return new ConvertedType<>(base.withLength(newLength), converter, javaType());
  }

  @Override
  public SqlType<J> withPrecision(int newPrecision, int newScale) {
    return new ConvertedType<>(base.withPrecision(newPrecision, newScale), converter, javaType());
  }

  @Override
  public SqlType<J> withStorageFormat(String pattern) {
    return new ConvertedType<>(base.withStorageFormat(pattern), converter, javaType());
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && ((ConvertedType<?, ?>) o).base.equals(base)
        && ((ConvertedType<?, ?>) o).converter.getClass() == converter.getClass();
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + base.hashCode();
  }
}
