package dev.quarry.engine;

import dev.quarry.types.SqlType;
import dev.quarry.types.Typed;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A row's values, read once, and the shape of its result for lookups. */
final class DefaultRow implements Row {
  private final ResultShape shape;
  private final Object[] values;

  DefaultRow(ResultShape shape, Object[] values) {
    this.shape = shape;
    this.values = values;
  }

  @Override
  public <T> T get(Typed<T> key) {
    int index = shape.indexOfKey(key);
    return convert(index, key.type());
  }

  @Override
  public Object get(String label) {
    return values[shape.indexOfLabel(label)];
  }

  @Override
  public Object get(int index) {
    shape.checkIndex(index);
    return values[index];
  }

  @Override
  public <T> T get(int index, SqlType<T> type) {
    shape.checkIndex(index);
    return convert(index, type);
  }

  @Override
  public <T> T get(String label, SqlType<T> type) {
    return convert(shape.indexOfLabel(label), type);
  }

  private <T> T convert(int index, SqlType<T> type) {
    Object value = values[index];
    if (value == null || type.javaType().isInstance(value)) {
      return type.javaType().cast(value);
    }
    try {
      return type.fromObject(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("column " + index + " '" + shape.columns().get(index).label() + "': "
          + e.getMessage(), e);
    }
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public List<ResultColumn> columns() {
    return shape.columns();
  }

  @Override
  public List<Object> values() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Row{");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String label = shape.columns().get(i).label();
      sb.append(label).append('=');
      sb.append(ParameterFormat.isSecret(label) ? ParameterFormat.ELIDED : ParameterFormat.value(values[i]));
    }
    return sb.append('}').toString();
  }
}
