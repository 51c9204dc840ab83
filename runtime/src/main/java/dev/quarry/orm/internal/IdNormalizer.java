package dev.quarry.orm.internal;

import dev.quarry.spi.EntityMapping;

/** Normalises ids given by users ({@code get(User.class, 1)} for a {@code Long} id). */
final class IdNormalizer {
  private IdNormalizer() {}

  static Object normalize(EntityMapping<?> m, Object id) {
    Class<?> type = m.idType();
    if (type.isInstance(id)) {
      return id;
    }
    if (id instanceof Number n) {
      if (type == Long.class) {
        return n.longValue();
      } else if (type == Integer.class) {
        return n.intValue();
      } else if (type == Short.class) {
        return n.shortValue();
      }
    }
    if (id instanceof java.util.UUID u && type == String.class) {
      return u.toString();
    }
    throw new IllegalArgumentException(m.entityName() + " ids are " + type.getSimpleName() + ", got "
        + id.getClass().getSimpleName() + " " + id);
  }
}
