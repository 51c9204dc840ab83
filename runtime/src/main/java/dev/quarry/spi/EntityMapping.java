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
   * {@code firstIndex + i}, into {@code target} (a fresh instance from {@link #newInstance} or
   * {@link #newManagedInstance}). Returns {@code target}.
   */
  E read(ResultSet rs, int firstIndex, Vendor vendor, E target) throws SQLException;

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
  default boolean sameId(ResultSet rs, int firstIndex, Vendor vendor, Object id) throws SQLException {
    return id.equals(readId(rs, firstIndex, vendor));
  }

  /**
   * As {@link #read}, for a row whose id the caller has just read with {@link #readId} (and found
   * absent from the identity map): {@code id} is set as read instead of reading the key columns a
   * second time, and a to-one property whose key {@code references} resolves points at that object
   * instead of a new key-only reference (its relationship still counts as not loaded). A new
   * instance is the only valid {@code target}.
   */
  default E readWithId(ResultSet rs, int firstIndex, Vendor vendor, E target, Object id,
      ReferenceResolver references) throws SQLException {
    return read(rs, firstIndex, vendor, target);
  }

  /**
   * A new instance of the generated subclass read from the row, as {@link #readWithId} reads one,
   * given to {@code interceptor} once read. When {@code relation} is not -1, its to-one property is
   * set to {@code owner}, whose key the caller knows the row's key column to hold (a collection
   * element read with its owner): that column is not read. The generated mapping writes the
   * subclass's properties directly, without suspending an interceptor it does not have yet.
   */
  default E readNew(ResultSet rs, int firstIndex, Vendor vendor, Object id, int relation, Object owner,
      ReferenceResolver references, EntityInterceptor interceptor) throws SQLException {
    E e = readWithId(rs, firstIndex, vendor, newManagedInstance(null), id, references);
    if (relation >= 0) {
      setRelation(e, relation, owner);
    }
    if (e instanceof ManagedEntity managed) {
      managed.quarryInterceptor(interceptor);
    }
    return e;
  }

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

  /** What {@link #dirtyColumns} returns for an unchanged object: shared, as it has no element to change. */
  int[] NO_DIRTY_COLUMNS = {};

  /**
   * Indexes of the columns whose current value differs from {@code snapshot} (in column order;
   * empty when nothing changed). Callers must not modify the array.
   */
  int[] dirtyColumns(E entity, Object[] snapshot);

  /** Applies client-side defaults before an INSERT: {@code @ClientDefault}, {@code @CreatedAt}, {@code @UpdatedAt}. */
  void applyInsertDefaults(E entity);

  /** Applies on-update values before an UPDATE: {@code @OnUpdate}, {@code @UpdatedAt}. */
  void applyUpdateValues(E entity);

  // --- additive (session issue): names, lifecycle callbacks, validators. Defaults keep older
  // generated mappings compiling; the processor overrides them when the entity declares any.

  /** The Java property name of column {@code column}, for messages; the column name by default. */
  default String propertyName(int column) {
    return table().columns().get(column).name();
  }

  /**
   * Calls the entity's own callbacks for {@code event} ({@code @BeforeInsert}, {@code @AfterLoad},
   * ... methods), directly; nothing by default.
   */
  default void onLifecycle(LifecycleEvent event, E entity) {}

  /** Indexes of the columns that have {@code @Validates} methods, in column order; none by default. */
  default int[] validatedColumns() {
    return new int[0];
  }

  /**
   * Runs the validators of column {@code column} on {@code value} and returns the value to store
   * (validators may normalise it); a validator rejects a value by throwing
   * {@link IllegalArgumentException}.
   */
  default Object validate(E entity, int column, Object value) {
    return value;
  }

  // --- additive (relationships issue): relationship accessors. Defaults describe an entity
  // without relationships; the processor overrides them when the entity declares any.

  /** Number of relationship properties; relationship {@code r} is interceptor property {@code columns + r}. */
  default int relationCount() {
    return 0;
  }

  /** Relationship {@code r}, from 0, in declaration order. */
  default RelationInfo relation(int r) {
    throw new IndexOutOfBoundsException(entityName() + " has no relationship " + r);
  }

  /**
   * The raw value of relationship {@code r}: the referenced object or the collection, read without
   * interception (no lazy loading).
   */
  default Object getRelation(E entity, int r) {
    throw new IndexOutOfBoundsException(entityName() + " has no relationship " + r);
  }

  /** Sets relationship {@code r} (a reference, or a collection from {@link #relation}'s kind) without interception. */
  default void setRelation(E entity, int r, Object value) {
    throw new IndexOutOfBoundsException(entityName() + " has no relationship " + r);
  }

  // --- additive (inheritance issue): single-table hierarchies. Defaults describe an entity that is
  // not part of one; the processor overrides them for every class of an @Inheritance hierarchy.

  /** The inheritance facts of this class, or null when it is not part of a hierarchy. */
  default Polymorphism polymorphism() {
    return null;
  }

  /**
   * The class identity is keyed by: the hierarchy root (so {@code get(Person.class, id)} and
   * {@code get(Employee.class, id)} find the same object), else the entity class.
   */
  default Class<?> identityType() {
    Polymorphism p = polymorphism();
    return p == null ? entityType() : p.root();
  }
}
