package dev.quarry.sql;

import dev.quarry.types.SqlType;
import dev.quarry.types.SqlTypes;
import dev.quarry.types.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/** Values written into the SQL text on request ({@link Sql#inline}) and date-part functions. */
final class Literals {
  private Literals() {}

  private static final Object INLINE = new Nodes.Token("inline");
  private static final Object EXTRACT = new Nodes.Token("extract");
  private static final Object TRUNC = new Nodes.Token("dateTrunc");

  /** {@code value} as a literal expression; only the types whose text every dialect writes safely. */
  static <T> Expr<T> inline(T value) {
    Objects.requireNonNull(value, "value (for NULL use Sql.nullOf(type))");
    boolean ok = value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigDecimal || value instanceof BigInteger
        || value instanceof Boolean || value instanceof LocalDate || value instanceof LocalTime
        || value instanceof LocalDateTime;
    if (value instanceof Double d) {
      ok = Double.isFinite(d);
    } else if (value instanceof Float f) {
      ok = Float.isFinite(f);
    } else if (value instanceof String s) {
      ok = s.indexOf('\0') < 0; // no database takes NUL in a string literal
    }
    if (!ok) {
      throw new IllegalArgumentException("Sql.inline takes finite numbers, booleans, strings without NUL, LocalDate,"
          + " LocalTime and LocalDateTime; bind " + value.getClass().getName() + " values with Sql.val(...)");
    }
    SqlType<T> type = SqlTypes.forValue(value);
    return Expr.wrap(new InlineNode(value), type);
  }

  /**
   * A literal. Its value is part of the statement's shape (a shape token), so statements that
   * differ in an inlined value never share a cached rendering.
   */
  record InlineNode(Object value) implements Node {
    @Override
    public void collect(Collector c) {
      c.token(INLINE);
      c.token(this); // equal (record equality) only for an equal value of the same class
    }

    @Override
    public void render(RenderContext r) {
      r.sql.append(r.dialect.literal(value));
    }
  }

  /** Whether {@code type} holds dates only (DATE), else date-times; other types are refused. */
  static boolean dateOnly(SqlType<?> type, String function, boolean timesToo) {
    TypeKind k = type.kind();
    if (k == TypeKind.DATE) {
      return true;
    }
    if (k == TypeKind.TIMESTAMP || timesToo && k == TypeKind.TIME) {
      return false;
    }
    throw new IllegalArgumentException(function + " takes a DATE or TIMESTAMP" + (timesToo ? " or TIME" : "")
        + " expression (zoned values differ per database); got " + type.describe());
  }

  /** {@code EXTRACT(part FROM operand)} as an integer, or {@code date_trunc(part, operand)}. */
  record DatePartNode(boolean truncate, DatePart part, Expression<?> operand, boolean dateOnly) implements Node {
    @Override
    public void collect(Collector c) {
      c.token(truncate ? TRUNC : EXTRACT);
      c.token(part);
      c.token(dateOnly);
      Nodes.collect(operand, c);
    }

    @Override
    public void render(RenderContext r) {
      if (truncate) {
        r.dialect.dateTrunc(r.sql, part, r.fragment(operand), dateOnly);
      } else {
        r.dialect.extract(r.sql, part, r.fragment(operand));
      }
    }
  }
}
