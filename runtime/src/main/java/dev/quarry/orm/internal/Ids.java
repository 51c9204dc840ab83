package dev.quarry.orm.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Converts generated key values (drivers return Long, Integer or BigDecimal) to the id's type. */
final class Ids {
  private Ids() {}

  static Object convert(Object value, Class<?> idType) {
    if (value == null || idType.isInstance(value) || !(value instanceof Number n)) {
      return value;
    }
    if (idType == Long.class) {
      return n.longValue();
    } else if (idType == Integer.class) {
      return Math.toIntExact(n.longValue());
    } else if (idType == Short.class) {
      long v = n.longValue();
      if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
        throw new ArithmeticException("generated key " + v + " does not fit a short id");
      }
      return (short) v;
    } else if (idType == BigInteger.class) {
      return BigInteger.valueOf(n.longValue());
    } else if (idType == BigDecimal.class) {
      return BigDecimal.valueOf(n.longValue());
    }
    return value;
  }
}
