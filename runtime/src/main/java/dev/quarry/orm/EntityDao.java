package dev.quarry.orm;

import dev.quarry.engine.Connectable;
import dev.quarry.engine.Connection;
import dev.quarry.engine.NonUniqueResultException;
import dev.quarry.engine.Result;
import dev.quarry.orm.internal.Persister;
import dev.quarry.orm.internal.StatementRunner;
import dev.quarry.orm.internal.Versions;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.ReferenceResolver;
import dev.quarry.sql.Column;
import dev.quarry.sql.Delete;
import dev.quarry.sql.Insert;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Select;
import dev.quarry.sql.SortField;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.sql.Update;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed data access for one entity: the base of every generated {@code UserDao}. Statements are
 * built with the SQL layer (rendered once per shape, values always bound) and run on a
 * {@link Connectable}: an engine (each call borrows a connection) or a connection (calls join
 * its transaction). Rows are written through the same {@link Persister} as a session's flush, so
 * ids, versions and server defaults follow one set of rules.
 *
 * <p>{@link #insert} applies client defaults, assigns the id (identity read back, pooled sequence,
 * client UUID), leaves NULL properties with a server default to the database and reads the
 * defaults back. {@link #update} writes every updatable column and, with {@code @Version},
 * checks and increments the version.
 *
 * @param <E> the entity class
 * @param <ID> the id type (the single id's boxed type, or the {@code @IdClass} record)
 */
public abstract class EntityDao<E, ID> {
  private final Connectable db;
  private final EntityMapping<E> mapping;
  private final Table table;
  private final List<Column<?>> columns;
  private final int[] key;
  private final int version;
  private volatile Persister persister;

  protected EntityDao(Connectable db, EntityMapping<E> mapping) {
    this.db = Objects.requireNonNull(db, "db");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.table = mapping.table();
    this.columns = table.columns();
    this.key = mapping.primaryKeyColumns();
    this.version = mapping.versionColumn();
  }

  /** The mapping of the entity. */
  public final EntityMapping<E> mapping() {
    return mapping;
  }

  /** The entity with this id, or empty. */
  public Optional<E> findById(ID id) {
    return Optional.ofNullable(db.withConnection(c -> first(c, Sql.selectFrom(table).where(idIs(id)))));
  }

  /** Every row, in primary-key order. */
  public List<E> findAll() {
    return db.withConnection(c -> list(c, Sql.selectFrom(table).orderBy(keyOrder())));
  }

  /** The rows matching {@code where}, in primary-key order. */
  public List<E> findBy(Predicate where) {
    return db.withConnection(c -> list(c, Sql.selectFrom(table).where(where).orderBy(keyOrder())));
  }

  /**
   * The single row matching {@code where}, or empty.
   *
   * @throws dev.quarry.engine.NonUniqueResultException when several rows match
   */
  public Optional<E> findOneBy(Predicate where) {
    return Optional.ofNullable(db.withConnection(c -> {
      List<E> found = list(c, Sql.selectFrom(table).where(where).limit(2));
      if (found.size() > 1) {
        throw new NonUniqueResultException(mapping.entityName() + " query expected at most one row and found several: "
            + where);
      }
      return found.isEmpty() ? null : found.get(0);
    }));
  }

  /** Number of rows. */
  public long count() {
    return db.withConnection(c -> ((Number) c.execute(Sql.select(Sql.count()).from(table)).scalar()).longValue());
  }

  /** Number of rows matching {@code where}. */
  public long count(Predicate where) {
    return db.withConnection(c -> ((Number) c.execute(Sql.select(Sql.count()).from(table).where(where)).scalar())
        .longValue());
  }

  /** Whether a row with this id exists. */
  public boolean existsById(ID id) {
    return exists(idIs(id));
  }

  /** Whether any row matches {@code where}. */
  public boolean exists(Predicate where) {
    return db.withConnection(c -> {
      try (Result r = c.execute(Sql.select(columns.get(key[0])).from(table).where(where).limit(1))) {
        return r.first() != null;
      }
    });
  }

  /**
   * Inserts {@code entity}: applies client defaults, assigns its id as the mapping says, and reads
   * back generated keys and server defaults into it. Returns {@code entity}.
   */
  public E insert(E entity) {
    Objects.requireNonNull(entity, "entity");
    return db.withConnection(c -> {
      prepareInsert(c, entity);
      persister(c).insert(StatementRunner.of(c), List.of(entity), (row, id) -> mapping.setId(entity, id));
      return entity;
    });
  }

  /**
   * Inserts all entities in one transaction, as batches of statements of the same shape; identity
   * keys come back through the batch's generated keys.
   */
  public void insertAll(Collection<? extends E> entities) {
    if (entities.isEmpty()) {
      return;
    }
    List<E> rows = new ArrayList<>(entities);
    db.withConnection(c -> c.inTransaction(tx -> {
      for (E e : rows) {
        Objects.requireNonNull(e, "an entity in insertAll is null");
        prepareInsert(tx, e);
      }
      persister(tx).insert(StatementRunner.of(tx), rows, (row, id) -> mapping.setId(rows.get(row), id));
      return null;
    }));
  }

  /** The session factories' persister rules, for this DAO's database. */
  private Persister persister(Connection c) {
    Persister p = persister;
    Dialect dialect = Dialect.of(c);
    if (p == null || p.dialect() != dialect) {
      p = new Persister(mapping, dialect);
      persister = p;
    }
    return p;
  }

  /**
   * Writes every updatable column of {@code entity}, applying on-update values first. With a
   * version, the row must still have the version read, and the entity gets the next one.
   *
   * @throws StaleDataException when the version no longer matches
   * @throws EntityNotFoundException when no row has the entity's id
   */
  public E update(E entity) {
    Objects.requireNonNull(entity, "entity");
    Object id = requireId(entity);
    mapping.applyUpdateValues(entity);
    List<Integer> written = new ArrayList<>();
    for (Column<?> col : columns) {
      if (col.spec().isUpdatable() && !col.spec().isPrimaryKey() || col.index() == version) {
        written.add(col.index());
      }
    }
    if (written.isEmpty()) {
      // Only key columns: nothing to write, but the row must exist as for any other update.
      if (!existsById(castId(id))) {
        throw new EntityNotFoundException(mapping.entityName(), table.qualifiedName(), id);
      }
      return entity;
    }
    int[] set = written.stream().mapToInt(Integer::intValue).toArray();
    Object current = version >= 0 ? mapping.get(entity, version) : null;
    Object next = version >= 0 ? Versions.next(columns.get(version).type(), current) : null;
    if (version >= 0) {
      mapping.set(entity, version, next);
    }
    long count;
    try {
      count = db.withConnection(c -> {
        Persister p = persister(c);
        if (p.parts().size() > 1) {
          throw new UnsupportedOperationException(mapping.entityName() + " is stored in several tables (joined "
              + "inheritance); update it through a Session");
        }
        return (long) p.batch(StatementRunner.of(c), p.update(set),
            p.values(entity, set, id, version >= 0, current)).counts()[0];
      });
    } catch (RuntimeException e) {
      if (version >= 0) {
        mapping.set(entity, version, current);
      }
      throw e;
    }
    if (count == 0) {
      if (version >= 0) {
        mapping.set(entity, version, current);
        throw new StaleDataException(mapping.entityName(), table.qualifiedName(), id, "UPDATE", current);
      }
      throw new EntityNotFoundException(mapping.entityName(), table.qualifiedName(), id);
    }
    return entity;
  }

  /**
   * Deletes the row of {@code entity}; returns whether a row was deleted.
   *
   * @throws StaleDataException when the entity has a version and the row's differs (or it is gone)
   */
  public boolean delete(E entity) {
    Object id = requireId(entity);
    Object current = version >= 0 ? mapping.get(entity, version) : null;
    long count = db.withConnection(c -> {
      Persister p = persister(c);
      if (p.parts().size() > 1) {
        throw new UnsupportedOperationException(mapping.entityName() + " is stored in several tables (joined "
            + "inheritance); delete it through a Session");
      }
      return (long) p.batch(StatementRunner.of(c), p.delete(), p.values(entity, new int[0], id, version >= 0, current))
          .counts()[0];
    });
    if (count == 0 && version >= 0) {
      throw new StaleDataException(mapping.entityName(), table.qualifiedName(), id, "DELETE", current);
    }
    return count > 0;
  }

  /** Deletes the row with this id; returns whether there was one. */
  public boolean deleteById(ID id) {
    Delete statement = Sql.deleteFrom(table).where(idIs(id));
    return db.withConnection(c -> c.executeUpdate(statement)) > 0;
  }

  // --- for generated finders -----------------------------------------------------------------

  /** The row whose {@code column} (a unique column of this table) equals {@code value}, or empty. */
  protected final Optional<E> findUniqueBy(Column<?> column, Object value) {
    return findOneBy(is(column, value));
  }

  /** The rows whose {@code column} equals {@code value}, in primary-key order. */
  protected final List<E> findAllBy(Column<?> column, Object value) {
    return findBy(is(column, value));
  }

  // --- internals -------------------------------------------------------------------------------

  /** Client defaults, the initial version (the library owns it), then the id for sequence and UUID generation. */
  private void prepareInsert(Connection c, E entity) {
    mapping.applyInsertDefaults(entity);
    if (version >= 0) {
      mapping.set(entity, version, Versions.initial(columns.get(version).type()));
    }
    if (mapping.id(entity) == null) {
      Object id = persister(c).newId(c);
      if (id != null) {
        mapping.setId(entity, id);
      }
    }
  }

  private Object requireId(E entity) {
    Object id = mapping.id(Objects.requireNonNull(entity, "entity"));
    if (id == null) {
      throw new IllegalArgumentException(mapping.entityName() + " has no id yet; insert it before updating or "
          + "deleting it");
    }
    return id;
  }

  private E first(Connection c, Select select) {
    List<E> found = list(c, select);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Entities read by the generated mapping straight from the cursor, by column index. */
  private List<E> list(Connection c, Select select) {
    try (Result r = c.execute(select)) {
      return r.read((rs, vendor) -> mapping.read(rs, 1, vendor, mapping.newInstance(), null, ReferenceResolver.NONE, -1,
          null));
    }
  }

  private Predicate idIs(Object id) {
    Objects.requireNonNull(id, "id");
    Object[] values = mapping.idValues(id);
    Predicate p = is(columns.get(key[0]), values[0]);
    for (int i = 1; i < key.length; i++) {
      p = p.and(is(columns.get(key[i]), values[i]));
    }
    return p;
  }

  private SortField[] keyOrder() {
    SortField[] order = new SortField[key.length];
    for (int i = 0; i < key.length; i++) {
      order[i] = columns.get(key[i]).asc();
    }
    return order;
  }

  @SuppressWarnings("unchecked")
  private static Predicate is(Column<?> column, Object value) {
    return value == null ? column.isNull() : ((Column<Object>) column).eq(value);
  }

  @SuppressWarnings("unchecked")
  private static Insert set(Insert insert, Column<?> column, Object value) {
    return insert.set((Column<Object>) column, value);
  }

  @SuppressWarnings("unchecked")
  private static Update set(Update update, Column<?> column, Object value) {
    return update.set((Column<Object>) column, value);
  }

  @SuppressWarnings("unchecked")
  private ID castId(Object id) {
    return (ID) id;
  }

  /** The vendor the DAO runs on. */
  protected final Vendor vendor() {
    return db.vendor();
  }
}
