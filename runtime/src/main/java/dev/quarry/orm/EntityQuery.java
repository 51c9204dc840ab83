package dev.quarry.orm;

import dev.quarry.sql.ComparableColumn;
import dev.quarry.sql.OrderField;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Select;
import dev.quarry.sql.TableLike;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A query over one entity through the typed DSL ({@code session.select(User.class).where(
 * QUser.user.age.gt(18)).orderBy(QUser.user.name.asc()).list()}). Immutable: every refining
 * method returns a new query. Running it flushes pending changes first (autoflush) and returns
 * the objects of the session's identity map.
 *
 * @param <E> the entity class
 */
public interface EntityQuery<E> {
  /** Adds conditions, ANDed with those already present. */
  EntityQuery<E> where(Predicate... conditions);

  /**
   * Equality shortcut (SQLAlchemy's {@code filter_by}): {@code property = value}, the property
   * named by its Java property or column name; null means IS NULL. Unknown names are rejected.
   */
  EntityQuery<E> filterBy(String property, Object value);

  /** {@link #filterBy(String, Object)} for each entry. */
  EntityQuery<E> filterBy(Map<String, ?> equalities);

  /** {@code JOIN table ON condition} (to filter by another table's columns). */
  EntityQuery<E> join(TableLike table, Predicate on);

  /** {@code LEFT JOIN table ON condition}. */
  EntityQuery<E> leftJoin(TableLike table, Predicate on);

  EntityQuery<E> orderBy(OrderField... fields);

  /**
   * Loader options overriding the relationships' default strategies for this query, nested by path:
   * {@code options(Load.selectIn(QUser.user.orders).then(Load.selectIn(QOrder.order.items)))}.
   */
  EntityQuery<E> options(Load... loads);

  /** {@link #options(Load...)} from a reusable bundle. */
  EntityQuery<E> options(java.util.Collection<Load> loads);

  /**
   * {@code JOIN} along a relationship of this entity or of an already joined one, with the ON
   * condition from its foreign key ({@code select(QUser.user).join(QUser.user.orders).where(
   * QOrder.order.total.gt(100))}); add {@link #distinct()} when a to-many join may repeat rows.
   */
  EntityQuery<E> join(RelationPath<?, ?> path);

  /** {@code LEFT OUTER JOIN} along a relationship (e.g. with {@code isNull()} to find users without orders). */
  EntityQuery<E> leftJoin(RelationPath<?, ?> path);

  /** Sort keys as strings ({@code "name"}, {@code "-age"}), resolved against the columns or rejected. */
  EntityQuery<E> orderBy(String... sortKeys);

  /**
   * The objects without tracking them (EF Core's {@code AsNoTracking}, Hibernate's stateless reads):
   * for read-only work — pages to render, reports, exports — where the session's bookkeeping is
   * pure cost. The rows still become one object per row within the query, the query still
   * autoflushes, and the relationships it loads (JOINED, SELECTIN, by option or default, at every
   * level) are set; but the session keeps none of the objects:
   * <ul>
   *   <li>each run returns new objects, never the session's own for the same rows;
   *   <li>they are detached from birth: nothing is dirty-checked or flushed; a relationship the query
   *       did not load throws {@link DetachedInstanceException} on access (RAISE throws
   *       {@link RaiseLoadException}, NOLOAD reads empty or null);
   *   <li>to write changes made to one, {@link Session#merge merge} it (the session loads its row and
   *       copies the columns onto its own object); {@link Session#add add} refuses it, as the session
   *       does not know what its row holds; {@link Session#delete delete} deletes its row through the
   *       session's own object (checking the version, if any).
   * </ul>
   * With {@link #stream()}, not even the query keeps the objects: each row is a new object and
   * memory stays flat however many rows are read.
   */
  EntityQuery<E> untracked();

  /**
   * A statement timeout for the statements this query sends (the SELECT, and the count of
   * {@link #page}); related rows it loads get the session's. Overrides the factory's
   * {@link SessionFactory.Builder#statementTimeout}; zero for none. See
   * {@link dev.quarry.engine.ExecutionOptions#timeout()} for what it maps to per database.
   */
  EntityQuery<E> timeout(java.time.Duration statementTimeout);

  /**
   * Keeps the ids this query's {@link #list()} returns in the query-cache region {@code region}
   * (Hibernate's query cache; the factory needs {@link SessionFactory.Builder#cache cache stores}),
   * keyed by the statement's SQL and bound values. A later identical query, in any session of the
   * factory, reads the ids from there and each object through the session's identity map, its
   * entity's second-level cache, or one statement by id for those neither holds; its load options
   * apply as usual. The result is dropped when any table the statement reads is written and that
   * write commits (a flush, bulk or Core statement through a session or engine of the factory; raw
   * SQL by the tables it declares, else every result), and a transaction that wrote one of those
   * tables reads around the cache until it ends. Only {@link #list()} (and {@link #first()},
   * {@link #one()}, {@link #oneOrNull()}, which call it) use the cache; not with {@link #untracked()}
   * or {@link #forUpdate()}, which always read the database.
   */
  EntityQuery<E> cached(String region);

  /** At most {@code count} rows (non-negative). */
  EntityQuery<E> limit(int count);

  /** Skips {@code count} rows (non-negative). */
  EntityQuery<E> offset(int count);

  /** {@code SELECT DISTINCT} (useful with joins). */
  EntityQuery<E> distinct();

  /**
   * {@code FOR UPDATE}: locks the rows until the transaction ends. On a database without row locks
   * (SQLite, which locks the whole database on write) running the query throws
   * {@link UnsupportedOperationException}, as Core's {@code Select.forUpdate()} does.
   */
  EntityQuery<E> forUpdate();

  /** Every matching object, in order. */
  List<E> list();

  /** The first object, or null. */
  E first();

  /** The only object; {@link dev.quarry.engine.NoResultException} or {@link dev.quarry.engine.NonUniqueResultException} otherwise. */
  E one();

  /** The only object or null; {@link dev.quarry.engine.NonUniqueResultException} when there are several. */
  E oneOrNull();

  /** Number of matching rows (ignores order, limit and offset). */
  long count();

  /** Whether any row matches. */
  boolean exists();

  /**
   * The objects read one row at a time (the driver fetches in chunks); close the stream, e.g. with
   * try-with-resources, to release the cursor. Eager loader options and defaults (JOINED,
   * SELECTIN) do not run for streams: relationships of streamed objects load lazily.
   */
  Stream<E> stream();

  /** Page {@code page} (from 1) of {@code size} rows with the total count of matching rows. */
  Page<E> page(int page, int size);

  /**
   * Keyset pagination: up to {@code size} rows whose {@code key} is greater than {@code after}
   * (all rows from the start when null), ordered by {@code key}; the key should be unique (the id,
   * or a unique column). Unlike offsets, each slice costs the same however deep it is.
   */
  <K extends Comparable<? super K>> KeysetPage<E, K> keyset(ComparableColumn<K> key, K after, int size);

  /** The SELECT this query runs (e.g. to use as a subquery). */
  Select statement();
}
