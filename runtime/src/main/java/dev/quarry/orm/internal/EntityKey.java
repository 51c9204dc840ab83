package dev.quarry.orm.internal;

/**
 * Identity-map key: the entity class and its id (a single value or a composite-key record).
 * Equality and hash are written out: every row a session reads looks its key up, and the
 * record's generated methods (through method handles) showed in profiles.
 */
record EntityKey(Class<?> type, Object id) {
  @Override
  public boolean equals(Object o) {
    return o instanceof EntityKey k && type == k.type && java.util.Objects.equals(id, k.id);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + java.util.Objects.hashCode(id);
  }
}
