package dev.quarry.annotation;

/** Loading strategy of a relationship (SQLAlchemy's {@code lazy=}); a query can override it per path. */
public enum FetchType {
  /** Loaded by its own SELECT on first access (SQLAlchemy {@code lazy="select"}). */
  LAZY,
  /** Loaded in the same statement through a LEFT OUTER JOIN. */
  JOINED,
  /** Loaded for all parents at once by one {@code IN} query per relationship and level. */
  SELECTIN,
  /** A to-many relationship that gives a query scoped to the parent instead of a loaded collection. */
  DYNAMIC,
  /** Never loaded: empty collection or null reference unless set in memory. */
  NOLOAD,
  /** Access without an explicit loader option throws, naming the entity, relationship and fix. */
  RAISE
}
