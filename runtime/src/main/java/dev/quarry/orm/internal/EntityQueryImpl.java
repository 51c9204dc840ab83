package dev.quarry.orm.internal;

import dev.quarry.engine.CursorReader;
import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.KeysetPage;
import dev.quarry.orm.Load;
import dev.quarry.orm.Page;
import dev.quarry.orm.RelationPath;
import dev.quarry.spi.EntityMapping;
import dev.quarry.sql.Column;
import dev.quarry.sql.ComparableColumn;
import dev.quarry.sql.OrderField;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Select;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.sql.TableLike;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** The {@link EntityQuery} implementation: an immutable description turned into a {@link Select} per run. */
final class EntityQueryImpl<E> implements EntityQuery<E> {
  private record Join(TableLike table, Predicate on, boolean left) {}

  private final SessionState session;
  private final EntityMapping<Object> mapping;
  private final Class<E> type;
  private final Table table;
  private final List<Predicate> where;
  private final List<Join> joins;
  private final List<OrderField> order;
  private final List<String> sortKeys;
  private final Integer limit;
  private final Integer offset;
  private final boolean distinct;
  private final boolean forUpdate;
  private final List<Load> options;
  private final boolean untracked;
  /** The statement timeout of this query; null: the session's. */
  private final java.time.Duration timeout;
  /** The query-cache region its results are kept in ({@link #cached}), or null. */
  private final String cacheRegion;

  EntityQueryImpl(SessionState session, EntityMapping<Object> mapping, Class<E> type, Table table) {
    this(session, mapping, type, table, List.of(), List.of(), List.of(), List.of(), null, null, false, false,
        List.of(), false, null, null);
  }

  private EntityQueryImpl(SessionState session, EntityMapping<Object> mapping, Class<E> type, Table table,
      List<Predicate> where, List<Join> joins, List<OrderField> order, List<String> sortKeys, Integer limit,
      Integer offset, boolean distinct, boolean forUpdate, List<Load> options, boolean untracked,
      java.time.Duration timeout, String cacheRegion) {
    this.session = session;
    this.mapping = mapping;
    this.type = type;
    this.table = table;
    this.where = where;
    this.joins = joins;
    this.order = order;
    this.sortKeys = sortKeys;
    this.limit = limit;
    this.offset = offset;
    this.distinct = distinct;
    this.forUpdate = forUpdate;
    this.options = options;
    this.untracked = untracked;
    this.timeout = timeout;
    this.cacheRegion = cacheRegion;
  }

  private EntityQueryImpl<E> with(List<Predicate> w, List<Join> j, List<OrderField> o, List<String> k, Integer l,
      Integer off, boolean d, boolean u) {
    return new EntityQueryImpl<>(session, mapping, type, table, w, j, o, k, l, off, d, u, options, untracked, timeout, cacheRegion);
  }

  private static <T> List<T> plus(List<T> list, List<? extends T> more) {
    List<T> out = new ArrayList<>(list);
    out.addAll(more);
    return List.copyOf(out);
  }

  @Override
  public EntityQuery<E> where(Predicate... conditions) {
    for (Predicate p : conditions) {
      Objects.requireNonNull(p, "condition");
    }
    return with(plus(where, Arrays.asList(conditions)), joins, order, sortKeys, limit, offset, distinct, forUpdate);
  }

  @Override
  public EntityQuery<E> filterBy(String property, Object value) {
    Column<?> column = Properties.column(mapping, table, property);
    return where(value == null ? column.isNull() : eq(column, value));
  }

  private static <T> Predicate eq(Column<T> column, Object value) {
    if (!column.type().javaType().isInstance(value)) {
      throw new IllegalArgumentException("filterBy(\"" + column.name() + "\", ...) needs a "
          + column.type().javaType().getSimpleName() + ", got " + value.getClass().getSimpleName());
    }
    return column.eq(column.type().cast(value));
  }

  @Override
  public EntityQuery<E> filterBy(Map<String, ?> equalities) {
    EntityQuery<E> q = this;
    for (Map.Entry<String, ?> e : equalities.entrySet()) {
      q = q.filterBy(e.getKey(), e.getValue());
    }
    return q;
  }

  @Override
  public EntityQuery<E> join(TableLike other, Predicate on) {
    return with(where, plus(joins, List.of(new Join(other, on, false))), order, sortKeys, limit, offset, distinct,
        forUpdate);
  }

  @Override
  public EntityQuery<E> leftJoin(TableLike other, Predicate on) {
    return with(where, plus(joins, List.of(new Join(other, on, true))), order, sortKeys, limit, offset, distinct,
        forUpdate);
  }

  @Override
  public EntityQuery<E> orderBy(OrderField... fields) {
    return with(where, joins, plus(order, Arrays.asList(fields)), sortKeys, limit, offset, distinct, forUpdate);
  }

  @Override
  public EntityQuery<E> orderBy(String... keys) {
    List<OrderField> resolved = new ArrayList<>();
    for (String k : keys) {
      resolved.add(Sql.sort(table, Properties.sortKeyToColumn(mapping, k)));
    }
    return with(where, joins, plus(order, resolved), sortKeys, limit, offset, distinct, forUpdate);
  }

  @Override
  public EntityQuery<E> limit(int count) {
    Properties.nonNegative("limit", count);
    return with(where, joins, order, sortKeys, count, offset, distinct, forUpdate);
  }

  @Override
  public EntityQuery<E> offset(int count) {
    Properties.nonNegative("offset", count);
    return with(where, joins, order, sortKeys, limit, count, distinct, forUpdate);
  }

  @Override
  public EntityQuery<E> distinct() {
    return with(where, joins, order, sortKeys, limit, offset, true, forUpdate);
  }

  @Override
  public EntityQuery<E> forUpdate() {
    return with(where, joins, order, sortKeys, limit, offset, distinct, true);
  }

  @Override
  public EntityQuery<E> options(Load... loads) {
    return options(Arrays.asList(loads));
  }

  @Override
  public EntityQuery<E> options(java.util.Collection<Load> loads) {
    List<Load> all = plus(options, List.copyOf(loads));
    LoadPlan.of(mapping, all); // rejects options that do not start at this entity now, not at list()
    return new EntityQueryImpl<>(session, mapping, type, table, where, joins, order, sortKeys, limit, offset,
        distinct, forUpdate, all, untracked, timeout, cacheRegion);
  }

  @Override
  public EntityQuery<E> untracked() {
    return new EntityQueryImpl<>(session, mapping, type, table, where, joins, order, sortKeys, limit, offset,
        distinct, forUpdate, options, true, timeout, cacheRegion);
  }

  @Override
  public EntityQuery<E> timeout(java.time.Duration statementTimeout) {
    java.util.Objects.requireNonNull(statementTimeout, "statementTimeout");
    if (statementTimeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, got " + statementTimeout);
    }
    return new EntityQueryImpl<>(session, mapping, type, table, where, joins, order, sortKeys, limit, offset,
        distinct, forUpdate, options, untracked, statementTimeout, cacheRegion);
  }

  @Override
  public EntityQuery<E> cached(String region) {
    java.util.Objects.requireNonNull(region, "region");
    return new EntityQueryImpl<>(session, mapping, type, table, where, joins, order, sortKeys, limit, offset,
        distinct, forUpdate, options, untracked, timeout, region);
  }

  @Override
  public EntityQuery<E> join(RelationPath<?, ?> path) {
    RelationJoins.Joined j = RelationJoins.on(path);
    return j.assoc() == null ? join(j.table(), j.on()) : join(j.assoc(), j.assocOn()).join(j.table(), j.on());
  }

  @Override
  public EntityQuery<E> leftJoin(RelationPath<?, ?> path) {
    RelationJoins.Joined j = RelationJoins.on(path);
    return j.assoc() == null ? leftJoin(j.table(), j.on())
        : leftJoin(j.assoc(), j.assocOn()).leftJoin(j.table(), j.on());
  }

  private Select base(Select select) {
    Select s = select.from(table);
    for (Join j : joins) {
      s = j.left ? s.leftJoin(j.table, j.on) : s.join(j.table, j.on);
    }
    if (!where.isEmpty()) {
      s = s.where(where.toArray(new Predicate[0]));
    }
    Predicate subclass = Polymorphic.filter(mapping, table); // inheritance: rows of this class and its subclasses
    return subclass == null ? s : s.where(subclass);
  }

  @Override
  public Select statement() {
    return statement(null);
  }

  /** The SELECT, with what the pipeline's joined strategies add when {@code pipeline} is given. */
  private Select statement(LoadPipeline pipeline) {
    List<dev.quarry.sql.SelectItem> items = new ArrayList<>();
    items.add(table);
    if (pipeline != null) {
      items.addAll(pipeline.joinedTables());
    }
    dev.quarry.sql.SelectItem[] selected = items.toArray(new dev.quarry.sql.SelectItem[0]);
    Select s = base(distinct ? Sql.selectDistinct(selected) : Sql.select(selected));
    if (pipeline != null) {
      s = pipeline.shape(s, table, order);
    } else if (!order.isEmpty()) {
      s = s.orderBy(order.toArray(new OrderField[0]));
    }
    if (limit != null) {
      s = s.limit(limit);
    }
    if (offset != null) {
      s = s.offset(offset);
    }
    if (forUpdate) { // where the database has no row locks, rendering raises the same error as Core
      s = s.forUpdate();
    }
    return s;
  }

  /** Whether the query's own joins may return an object's row more than once. */
  private boolean rowsRepeat() {
    return !joins.isEmpty() && !distinct;
  }

  @Override
  public List<E> list() {
    if (cacheRegion != null && session.cache() != null) {
      return QueryCache.list(session, mapping, statement(), options, cacheRegion, this::run, type);
    }
    return run();
  }

  private List<E> run() {
    LoadPipeline pipeline = LoadPipeline.forList(session, mapping, options, untracked,
        limit != null || offset != null, rowsRepeat());
    QueryRunner.scan(session, mapping, statement(pipeline), pipeline.rowLoop(), timeout);
    List<Object> objects = pipeline.finish();
    List<E> out = new ArrayList<>(objects.size());
    for (Object o : objects) {
      out.add(type.cast(o));
    }
    return out;
  }

  @Override
  public E first() {
    List<E> rows = ((EntityQueryImpl<E>) limit(1)).list();
    return rows.isEmpty() ? null : rows.get(0);
  }

  @Override
  public E one() {
    E e = oneOrNull();
    if (e == null) {
      throw new dev.quarry.engine.NoResultException("expected exactly one row for " + describe()
          + " but found none; use oneOrNull() or first() when no row is a normal outcome");
    }
    return e;
  }

  @Override
  public E oneOrNull() {
    int cap = limit == null ? 2 : Math.min(limit, 2);
    List<E> rows = ((EntityQueryImpl<E>) limit(cap)).list();
    if (rows.size() > 1) {
      throw new dev.quarry.engine.NonUniqueResultException("expected at most one row for " + describe()
          + " but found several; add a condition or use first()");
    }
    return rows.isEmpty() ? null : rows.get(0);
  }

  private String describe() {
    return "a query of " + mapping.entityName() + (where.isEmpty() ? "" : " where " + where);
  }

  @Override
  public long count() {
    Select s = distinct
        ? Sql.select(Sql.count()).from(base(Sql.selectDistinct(table)).as("q"))
        : base(Sql.select(Sql.count()));
    return QueryRunner.list(session, mapping, s, (rs, v) -> rs.getLong(1), timeout).get(0);
  }

  @Override
  public boolean exists() {
    Select s = base(Sql.select(Sql.val(1))).limit(1);
    return !QueryRunner.list(session, mapping, s, (rs, v) -> Boolean.TRUE, timeout).isEmpty();
  }

  @Override
  public Stream<E> stream() {
    CursorReader<Object> reader = LoadPipeline.forStream(session, mapping, untracked, rowsRepeat());
    return QueryRunner.stream(session, mapping, statement(), (rs, vendor) -> type.cast(reader.read(rs, vendor)),
        timeout);
  }

  @Override
  public Page<E> page(int page, int size) {
    if (page < 1 || size < 1) {
      throw new IllegalArgumentException("page numbers start at 1 and sizes at 1; got page " + page + ", size " + size);
    }
    long total = count();
    long skip = (long) (page - 1) * size;
    List<E> items = skip >= total ? List.of()
        : ((EntityQueryImpl<E>) limit(size).offset((int) Math.min(skip, Integer.MAX_VALUE))).list();
    return new Page<>(items, page, size, total);
  }

  @Override
  public <K extends Comparable<? super K>> KeysetPage<E, K> keyset(ComparableColumn<K> key, K after, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a keyset page needs a size of at least 1, got " + size);
    }
    if (key.table() != table) {
      throw new IllegalArgumentException("keyset key " + key + " must be a column of " + table);
    }
    EntityQuery<E> q = after == null ? this : where(key.gt(after));
    List<E> rows = q.orderBy(key.asc()).limit(size + 1).list();
    boolean more = rows.size() > size;
    List<E> items = more ? rows.subList(0, size) : rows;
    K next = null;
    if (more) {
      next = key.type().cast(session.withoutInterception(() -> mapping.get(items.get(size - 1), key.index())));
    }
    return new KeysetPage<>(items, next);
  }
}
