package dev.quarry.orm;

/** Identity-map key: the entity class and its id (a single value or a composite-key record). */
record EntityKey(Class<?> type, Object id) {}
