package dev.quarry.spi;

import dev.quarry.sql.Table;
import dev.quarry.types.Vendor;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the runtime knows about one entity class, implemented by generated code
 * ({@code User_Mapping}) so that the runtime never touches user classes reflectively.
 *
 * <p>Columns are addressed by their position in {@link #table()}'s
 * {@link Table#columns() columns()}, from 0. Values cross this interface boxed; the row reader
 * {@link #read} is the hot path and reads each column with its declared type directly.
 *
 * <p>Internal: the signatures may change between versions together with the processor.
 *
 * @param <E> the entity class
 */
@Internal
public interface EntityMapping<E> {
  /** The entity class. */
  Class<E> entityType();

  /** Entity name for messages ({@code User}). */
  String entityName();

  /** The generated metamodel instance ({@code QUser.user}): table name, columns, constraints. */
  Table table();

  /** Indexes of the primary-key columns, in key order. */
  int[] primaryKeyColumns();

  /** Index of the {@code @Version} column, or -1. */
  int versionColumn();

  /** How ids are assigned. */
  IdGeneration idGeneration();

  /**
   * The id type: the single id property's boxed type, or the {@code @IdClass} record of a
   * composite key.
   */
  Class<?> idType();

  /** A new instance made with the entity's no-argument constructor (a plain, user-visible object). */
  E newInstance();

  /**
   * A new instance of the generated subclass ({@code User_Proxy}) whose accessors call
   * {@code interceptor} before reads; the plain class when the entity cannot be subclassed
   * (final, or no overridable accessors), see {@link #supportsInterception()}.
   */
  E newManagedInstance(EntityInterceptor interceptor);

  /** Whether {@link #newManagedInstance} returns an intercepting subclass. */
  boolean supportsInterception();

  /**
   * Reads one entity from the current row: column {@code i} of {@link #table()} at JDBC index
   * {@code firstIndex + i}. The one row reader of the mapping; what differs between its callers are
   * the arguments, so none of them allocates or boxes more than the row's own values.
   *
   * @param target the object to overwrite (refresh, reload of expired state, a fresh instance the
   *     caller tracks), or null for a new one from {@code newManagedInstance(null)}: the caller gives
   *     it its interceptor once read
   * @param id the key the caller has just read with {@link #readId} for this row, set as read instead
   *     of reading a single key column again; null to read the key from the row
   * @param references finds the objects the session tracks for the to-one keys of the row, so a
   *     reference points at that object (its relationship still counts as not loaded) instead of a new
   *     key-only one; {@link ReferenceResolver#NONE} for key-only references
   * @param knownRelation a to-one relationship whose value the caller knows (a collection element
   *     read with its owner: the row's key column names {@code known}), set to {@code known} without
   *     reading its column; -1 for none
   * @param known the value of {@code knownRelation}
   * @return {@code target}, or the new object
   */
  E read(ResultSet rs, int firstIndex, Vendor vendor, E target, Object id, ReferenceResolver references,
      int knownRelation, Object known) throws SQLException;

  /**
   * Reads only the id from the current row (columns laid out as for {@link #read}), for an
   * identity-map lookup before materialising; null when the key columns are NULL (an outer join
   * that matched nothing).
   */
  Object readId(ResultSet rs, int firstIndex, Vendor vendor) throws SQLException;

  /**
   * Whether the current row's key (columns laid out as for {@link #read}) is {@code id}; the
   * generated mapping compares a numeric key without boxing it (every row of a JOINED statement asks).
   */
  boolean sameId(ResultSet rs, int firstIndex, Vendor vendor, Object id) throws SQLException;

  /** The value of column {@code column}, boxed. */
  Object get(E entity, int column);

  /** Sets column {@code column} to {@code value} (boxed; null leaves primitives at their default). */
  void set(E entity, int column, Object value);

  /** The id: a single value or the composite key record; null while not assigned. */
  Object id(E entity);

  /** Sets the id (single value or composite key record). */
  void setId(E entity, Object id);

  /** The values of the primary-key columns for an id, in {@link #primaryKeyColumns()} order. */
  Object[] idValues(Object id);

  /** An id made from primary-key column values in {@link #primaryKeyColumns()} order. */
  Object idOf(Object[] values);

  /** A copy of every column value, for dirty checking ({@code byte[]} cloned). */
  Object[] snapshot(E entity);

  /** No columns: what {@link #dirtyColumns} returns for an unchanged object; shared, as it has no element to change. */
  int[] NO_COLUMNS = {};

  /**
   * Indexes of the columns whose current value differs from {@code snapshot} (in column order;
   * empty when nothing changed). Callers must not modify the array.
   */
  int[] dirtyColumns(E entity, Object[] snapshot);

  /** Applies client-side defaults before an INSERT: {@code @ClientDefault}, {@code @CreatedAt}, {@code @UpdatedAt}. */
  void applyInsertDefaults(E entity);

  /** Applies on-update values before an UPDATE: {@code @OnUpdate}, {@code @UpdatedAt}. */
  void applyUpdateValues(E entity);

  /** The Java property name of column {@code column}, for messages. */
  String propertyName(int column);

  /**
   * Calls the entity's own callbacks for {@code event} ({@code @BeforeInsert}, {@code @AfterLoad},
   * ... methods), directly.
   */
  void onLifecycle(LifecycleEvent event, E entity);

  /** Indexes of the columns that have {@code @Validates} methods, in column order; callers must not modify it. */
  int[] validatedColumns();

  /**
   * Runs the validators of column {@code column} on {@code value} and returns the value to store
   * (validators may normalise it); a validator rejects a value by throwing
   * {@link IllegalArgumentException}.
   */
  Object validate(E entity, int column, Object value);

  /** Number of relationship properties; relationship {@code r} is interceptor property {@code columns + r}. */
  int relationCount();

  /** Relationship {@code r}, from 0, in declaration order. */
  RelationInfo relation(int r);

  /**
   * The raw value of relationship {@code r}: the referenced object or the collection, read without
   * interception (no lazy loading).
   */
  Object getRelation(E entity, int r);

  /** Sets relationship {@code r} (a reference, or a collection from {@link #relation}'s kind) without interception. */
  void setRelation(E entity, int r, Object value);

  /** The single-table inheritance facts of this class, or null when it is not part of a hierarchy. */
  Polymorphism polymorphism();

  /**
   * The class identity is keyed by: the hierarchy root (so {@code get(Person.class, id)} and
   * {@code get(Employee.class, id)} find the same object), else the entity class.
   */
  Class<?> identityType();

  /**
   * The second-level cache region of this entity ({@code @Cached} on the class), or null when its
   * rows are not cached.
   */
  default String cacheRegion() {
    return null;
  }
}
