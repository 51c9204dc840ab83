package dev.quarry.sql;

import dev.quarry.engine.Parameter;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.sql.internal.LongInList;
import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.Vendor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * IN lists longer than a dialect's bind-parameter limit, passed as one parameter so that the
 * statement works whatever the list's length: an SQL array ({@code x = ANY(?)}) on PostgreSQL
 * and H2, a JSON array read by {@code json_each} on SQLite. Elsewhere, or for element types that
 * cannot travel this way, the list is split into several IN lists instead.
 */
final class LongInLists {
  private LongInLists() {}

  /** The way {@code values} of {@code operand} go to {@code dialect} in one parameter, or SPLIT. */
  static LongInList style(Dialect dialect, Expression<?> operand, int size) {
    if (dialect == null || size <= dialect.maxBindParameters()) {
      return LongInList.SPLIT;
    }
    LongInList style = dialect.longInList();
    return style != LongInList.SPLIT && dialect.arrayElementTypeName(operand.type()) != null ? style : LongInList.SPLIT;
  }

  /** How many parameters carry the values: one, or several arrays where arrays are capped. */
  static int chunks(Dialect dialect, LongInList style, int size) {
    if (style != LongInList.ARRAY) {
      return 1;
    }
    int max = Math.max(1, dialect.maxArrayElements());
    return (int) ((size + (long) max - 1) / max);
  }

  /** The parameters carrying the values, in order. */
  static void collect(Collector c, LongInList style, Object owner, String name, List<Parameter> values,
      SqlType<?> elementType) {
    int chunks = chunks(c.dialect, style, values.size());
    c.token(chunks);
    int max = chunks == 1 ? values.size() : c.dialect.maxArrayElements();
    for (int start = 0; start < values.size(); start += max) {
      c.param(owner, parameter(c.dialect, style, name, values.subList(start, Math.min(values.size(), start + max)),
          elementType));
    }
  }

  /** One parameter carrying these values. */
  static Parameter parameter(Dialect dialect, LongInList style, String name, List<Parameter> values,
      SqlType<?> elementType) {
    if (style == LongInList.JSON_EACH) {
      StringBuilder json = new StringBuilder(values.size() * 8).append('[');
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          json.append(',');
        }
        appendJson(json, values.get(i).value());
      }
      return new Parameter(name, json.append(']').toString(), SqlTypes.TEXT);
    }
    Object[] array = new Object[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i).value();
    }
    return new Parameter(name, array, new ArrayType(dialect.arrayElementTypeName(elementType), elementType));
  }

  private static void appendJson(StringBuilder json, Object value) {
    if (value instanceof Number) {
      json.append(value);
      return;
    }
    String s = value.toString();
    json.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    json.append('"');
  }

  /** Writes the one-parameter form (several arrays joined by OR / AND where arrays are capped). */
  static void render(LongInList style, Expression<?> operand, Object owner, int size, boolean negated,
      RenderContext r) {
    if (style == LongInList.JSON_EACH) {
      r.expr(operand);
      r.sql.append(negated ? " NOT IN (SELECT value FROM json_each(" : " IN (SELECT value FROM json_each(");
      r.bind(owner, 0);
      r.sql.append("))");
      return;
    }
    int chunks = chunks(r.dialect, style, size);
    if (chunks > 1) {
      r.sql.append('(');
    }
    for (int i = 0; i < chunks; i++) {
      if (i > 0) {
        r.sql.append(negated ? " AND " : " OR ");
      }
      r.expr(operand);
      r.sql.append(negated ? " <> ALL(" : " = ANY(");
      r.bind(owner, i);
      r.sql.append(')');
    }
    if (chunks > 1) {
      r.sql.append(')');
    }
  }

  /** Binds an array of element values with {@code Connection.createArrayOf}. Write-only. */
  static final class ArrayType extends SqlType<Object[]> {
    private final String elementTypeName;

    ArrayType(String elementTypeName, SqlType<?> elementType) {
      super(elementType.kind(), Object[].class, 0, 0, 0);
      this.elementTypeName = elementTypeName;
    }

    @Override
    public Object[] read(ResultSet rs, int index, Vendor vendor) {
      throw new UnsupportedOperationException("IN-list arrays are only bound, never read");
    }

    @Override
    public void bind(PreparedStatement ps, int index, Object[] value, Vendor vendor) throws SQLException {
      if (value == null) {
        ps.setNull(index, Types.ARRAY);
      } else {
        ps.setArray(index, ps.getConnection().createArrayOf(elementTypeName, value));
      }
    }

    @Override
    public String describe() {
      return elementTypeName + " ARRAY";
    }
  }
}
