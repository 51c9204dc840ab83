package dev.quarry.spi;

/**
 * How an entity's id is assigned.
 *
 * @param strategy the kind of generation
 * @param sequence sequence name for {@link Strategy#SEQUENCE}, else null
 * @param allocationSize ids reserved per sequence call for {@link Strategy#SEQUENCE}
 */
@Internal
public record IdGeneration(Strategy strategy, String sequence, int allocationSize) {
  /** The kinds of id generation. */
  public enum Strategy {
    /** The application sets the id before insert. */
    ASSIGNED,
    /** The database assigns it on insert; read back through generated keys. */
    IDENTITY,
    /** Drawn from a sequence with pooled allocation before insert. */
    SEQUENCE,
    /** A random UUID assigned on the client before insert. */
    UUID
  }

  public static final IdGeneration ASSIGNED = new IdGeneration(Strategy.ASSIGNED, null, 1);
  public static final IdGeneration IDENTITY = new IdGeneration(Strategy.IDENTITY, null, 1);
  public static final IdGeneration UUID = new IdGeneration(Strategy.UUID, null, 1);

  /** Sequence generation. */
  public static IdGeneration sequence(String name, int allocationSize) {
    return new IdGeneration(Strategy.SEQUENCE, name, allocationSize);
  }
}
