package dev.quarry.annotation;

/** Primary-key generation strategies. */
public enum GenerationType {
  /** The database assigns the key on insert (auto-increment / identity column); read back through generated keys. */
  IDENTITY,
  /** Keys come from a database sequence with pooled allocation; the row is inserted with its key. */
  SEQUENCE,
  /** A random {@link java.util.UUID} assigned on the client before insert. */
  UUID
}
