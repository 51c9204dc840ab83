package dev.quarry.orm.internal;

import dev.quarry.engine.CursorReader;
import dev.quarry.orm.ProjectionQuery;
import dev.quarry.orm.Tuple;
import dev.quarry.orm.TupleQuery;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.Projections;
import dev.quarry.sql.Column;
import dev.quarry.sql.Expression;
import dev.quarry.sql.OrderField;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Select;
import dev.quarry.sql.SelectItem;
import dev.quarry.sql.Sql;
import dev.quarry.sql.Table;
import dev.quarry.sql.TableLike;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The {@link TupleQuery} implementation over an immutable {@link Select}. */
final class TupleQueryImpl implements TupleQuery {
  private final SessionState session;
  private final List<SelectItem> items;
  /** For each item: its entity mapping, or null for a value. */
  private final List<EntityMapping<Object>> mappings;
  private final List<TableLike> joined;
  private final Select select;
  /** The entities of the rows stay out of the session ({@link #untracked()}). */
  private final boolean untracked;
  /** The query-cache region of its rows ({@link #cached}), or null. */
  private final String cacheRegion;

  TupleQueryImpl(SessionState session, SelectItem... selected) {
    this.session = session;
    this.items = List.of(selected);
    this.mappings = new ArrayList<>();
    for (SelectItem item : items) {
      if (item instanceof Table t) {
        mappings.add(session.mappingOf(t));
      } else if (item instanceof Expression<?>) {
        mappings.add(null);
      } else {
        throw new IllegalArgumentException("a tuple query selects entity tables and expressions, not " + item);
      }
    }
    this.joined = List.of();
    this.select = Sql.select(selected);
    this.untracked = false;
    this.cacheRegion = null;
  }

  private TupleQueryImpl(TupleQueryImpl from, List<TableLike> joined, Select select, boolean untracked,
      String cacheRegion) {
    this.session = from.session;
    this.items = from.items;
    this.mappings = from.mappings;
    this.joined = joined;
    this.select = select;
    this.untracked = untracked;
    this.cacheRegion = cacheRegion;
  }

  private TupleQueryImpl with(UnaryOperator<Select> change) {
    return new TupleQueryImpl(this, joined, change.apply(select), untracked, cacheRegion);
  }

  private TupleQueryImpl withJoin(TableLike table, UnaryOperator<Select> change) {
    List<TableLike> j = new ArrayList<>(joined);
    j.add(table);
    return new TupleQueryImpl(this, List.copyOf(j), change.apply(select), untracked, cacheRegion);
  }

  @Override
  public TupleQuery untracked() {
    return new TupleQueryImpl(this, joined, select, true, cacheRegion);
  }

  @Override
  public TupleQuery cached(String region) {
    java.util.Objects.requireNonNull(region, "region");
    for (int i = 0; i < items.size(); i++) {
      if (mappings.get(i) != null) {
        throw new IllegalArgumentException("cached(\"" + region + "\") keeps a tuple query's values, but this query "
            + "selects the entity " + mappings.get(i).entityName() + "; cache select(" + mappings.get(i).entityName()
            + ".class).cached(...) instead, or select its columns");
      }
    }
    return new TupleQueryImpl(this, joined, select, untracked, region);
  }

  @Override
  public TupleQuery where(Predicate... conditions) {
    return with(s -> s.where(conditions));
  }

  @Override
  public TupleQuery join(TableLike table, Predicate on) {
    return withJoin(table, s -> s.join(table, on));
  }

  @Override
  public TupleQuery leftJoin(TableLike table, Predicate on) {
    return withJoin(table, s -> s.leftJoin(table, on));
  }

  @Override
  public TupleQuery groupBy(Expression<?>... expressions) {
    return with(s -> s.groupBy(expressions));
  }

  @Override
  public TupleQuery having(Predicate... conditions) {
    return with(s -> s.having(conditions));
  }

  @Override
  public TupleQuery orderBy(OrderField... fields) {
    return with(s -> s.orderBy(fields));
  }

  @Override
  public TupleQuery limit(int count) {
    return with(s -> s.limit(count));
  }

  @Override
  public TupleQuery offset(int count) {
    return with(s -> s.offset(count));
  }

  /** FROM: the tables of the selected items that no join brings in, in select-list order. */
  @Override
  public Select statement() {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.addAll(joined);
    List<TableLike> from = new ArrayList<>();
    for (SelectItem item : items) {
      TableLike t = item instanceof Table table ? table : item instanceof Column<?> c ? c.table() : null;
      if (t != null && seen.add(t)) {
        from.add(t);
      }
    }
    if (from.isEmpty()) {
      throw new IllegalArgumentException("a tuple query needs at least one table among its items to select FROM");
    }
    return select.from(from.toArray(new TableLike[0]));
  }

  /** {@code identity}: one object per row within the query (not for streams, which keep nothing). */
  private CursorReader<Tuple> reader(boolean identity) {
    EntityLoader loader = untracked ? EntityLoader.untracked(session, identity, java.util.Map.of()) : session.loader();
    return (rs, vendor) -> {
      Object[] values = new Object[items.size()];
      int index = 1;
      for (int i = 0; i < values.length; i++) {
        EntityMapping<Object> m = mappings.get(i);
        if (m != null) {
          values[i] = loader.load(m, rs, index, vendor);
          index += m.table().columns().size();
        } else {
          values[i] = ((Expression<?>) items.get(i)).type().read(rs, index++, vendor);
        }
      }
      return new TupleImpl(items, values);
    };
  }

  private EntityMapping<?> routing() {
    for (EntityMapping<Object> m : mappings) {
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  @Override
  public List<Tuple> list() {
    if (cacheRegion != null && session.cache() != null) {
      return QueryCache.values(session, statement(), cacheRegion, "tuple",
          () -> QueryRunner.list(session, routing(), statement(), reader(true)),
          t -> ((TupleImpl) t).values().clone(), v -> new TupleImpl(items, ((Object[]) v).clone()));
    }
    return QueryRunner.list(session, routing(), statement(), reader(true));
  }

  @Override
  public Tuple first() {
    List<Tuple> rows = QueryRunner.list(session, routing(), statement().limit(1), reader(true));
    return rows.isEmpty() ? null : rows.get(0);
  }

  @Override
  public Tuple one() {
    List<Tuple> rows = QueryRunner.list(session, routing(), statement().limit(2), reader(true));
    if (rows.isEmpty()) {
      throw new dev.quarry.engine.NoResultException(
          "expected exactly one row for a tuple query of " + items + " but found none");
    }
    if (rows.size() > 1) {
      throw new dev.quarry.engine.NonUniqueResultException(
          "expected one row for a tuple query of " + items + " but found several");
    }
    return rows.get(0);
  }

  @Override
  public Stream<Tuple> stream() {
    return QueryRunner.stream(session, routing(), statement(), reader(false), null);
  }

  @Override
  public <R> ProjectionQuery<R> into(Class<R> type) {
    for (SelectItem item : items) {
      if (item instanceof Table) {
        throw new IllegalArgumentException("into(" + type.getSimpleName() + ") reads columns into a record, but the "
            + "query selects the entity " + item + "; select its columns instead");
      }
    }
    Projections.of(type); // fails now, naming the class, when it is not a projection
    return new ProjectionQueryImpl<>(type);
  }

  /** The rows of this query as records. */
  private final class ProjectionQueryImpl<R> implements ProjectionQuery<R> {
    private final Class<R> type;
    private final String region;

    ProjectionQueryImpl(Class<R> type) {
      this(type, null);
    }

    private ProjectionQueryImpl(Class<R> type, String region) {
      this.type = type;
      this.region = region;
    }

    @Override
    public ProjectionQuery<R> cached(String cacheRegion) {
      return new ProjectionQueryImpl<>(type, java.util.Objects.requireNonNull(cacheRegion, "region"));
    }

    private List<R> run(Select statement) {
      List<R> out = new ArrayList<>();
      QueryRunner.scan(session, routing(), statement, (rs, vendor) -> {
        CursorReader<R> reader = Projections.bind(type, rs);
        while (rs.next()) {
          out.add(reader.read(rs, vendor));
        }
      });
      return out;
    }

    @Override
    public List<R> list() {
      if (region != null && session.cache() != null) {
        return QueryCache.values(session, statement(), region, type.getName(), () -> run(statement()),
            r -> r, type::cast);
      }
      return run(statement());
    }

    @Override
    public R first() {
      List<R> rows = run(statement().limit(1));
      return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public R one() {
      List<R> rows = run(statement().limit(2));
      if (rows.isEmpty()) {
        throw new dev.quarry.engine.NoResultException(
            "expected exactly one " + type.getSimpleName() + " for a query of " + items + " but found none");
      }
      if (rows.size() > 1) {
        throw new dev.quarry.engine.NonUniqueResultException(
            "expected one " + type.getSimpleName() + " for a query of " + items + " but found several");
      }
      return rows.get(0);
    }

    @Override
    public Stream<R> stream() {
      return QueryRunner.stream(session, routing(), statement(), Projections.lazy(type), null);
    }

    @Override
    public Select statement() {
      return TupleQueryImpl.this.statement();
    }
  }

  /** An immutable row. */
  private record TupleImpl(List<SelectItem> items, Object[] values) implements Tuple {
    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Object get(int index) {
      return values[index];
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Expression<T> expression) {
      for (int i = 0; i < values.length; i++) {
        if (items.get(i) == expression) {
          return (T) values[i];
        }
      }
      throw new IllegalArgumentException(expression + " is not among the selected items " + items);
    }

    @Override
    public Object get(Table table) {
      for (int i = 0; i < values.length; i++) {
        if (items.get(i) == table) {
          return values[i];
        }
      }
      throw new IllegalArgumentException(table + " is not among the selected items " + items);
    }

    @Override
    public <E> E get(Class<E> type) {
      for (Object v : values) {
        if (type.isInstance(v)) {
          return type.cast(v);
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return java.util.Arrays.toString(values);
    }
  }
}
