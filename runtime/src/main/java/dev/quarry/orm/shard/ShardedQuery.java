package dev.quarry.orm.shard;

import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.Load;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.Mappings;
import dev.quarry.sql.Predicate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A query of one entity over several shards (immutable; each call returns a new query). It runs on
 * every chosen shard and merges: with {@link #orderBy} the merged rows are in that order, and
 * {@link #limit}/{@link #offset} apply to the merged result (each shard is asked for offset + limit
 * rows); {@link #count()} adds the shards' counts. An offset without an order has no meaning across
 * shards and is refused. Aggregates and GROUP BY have no merge here: run them per shard
 * ({@link ShardedSession#shard}) and combine.
 */
public final class ShardedQuery<E> {
  private final ShardedSession session;
  private final ShardedSessionFactory factory;
  private final Class<E> type;
  private final List<Predicate> where;
  private final Map<String, Object> equalities;
  private final List<String> sortKeys;
  private final Integer limit;
  private final Integer offset;
  private final List<Load> options;
  private final List<String> pinned;

  ShardedQuery(ShardedSession session, ShardedSessionFactory factory, Class<E> type) {
    this(session, factory, type, List.of(), Map.of(), List.of(), null, null, List.of(), null);
  }

  private ShardedQuery(ShardedSession session, ShardedSessionFactory factory, Class<E> type, List<Predicate> where,
      Map<String, Object> equalities, List<String> sortKeys, Integer limit, Integer offset, List<Load> options,
      List<String> pinned) {
    this.session = session;
    this.factory = factory;
    this.type = type;
    this.where = where;
    this.equalities = equalities;
    this.sortKeys = sortKeys;
    this.limit = limit;
    this.offset = offset;
    this.options = options;
    this.pinned = pinned;
  }

  private ShardedQuery<E> with(List<Predicate> w, Map<String, Object> eq, List<String> keys, Integer l, Integer o,
      List<Load> opts, List<String> on) {
    return new ShardedQuery<>(session, factory, type, w, eq, keys, l, o, opts, on);
  }

  /** Conditions every shard's query applies (opaque to the {@link QueryChooser}). */
  public ShardedQuery<E> where(Predicate... conditions) {
    List<Predicate> w = new ArrayList<>(where);
    w.addAll(List.of(conditions));
    return with(List.copyOf(w), equalities, sortKeys, limit, offset, options, pinned);
  }

  /** {@code property = value}, which the {@link QueryChooser} sees (a shard key here picks the shard). */
  public ShardedQuery<E> filterBy(String property, Object value) {
    Map<String, Object> eq = new LinkedHashMap<>(equalities);
    eq.put(Objects.requireNonNull(property, "property"), value);
    return with(where, java.util.Collections.unmodifiableMap(eq), sortKeys, limit, offset, options, pinned);
  }

  /** Sort keys ({@code "name"}, {@code "createdAt DESC"}): each shard sorts, and the merged result is in that order. */
  public ShardedQuery<E> orderBy(String... keys) {
    List<String> k = new ArrayList<>(sortKeys);
    k.addAll(List.of(keys));
    comparator(k); // unknown properties fail now
    return with(where, equalities, List.copyOf(k), limit, offset, options, pinned);
  }

  /** At most {@code count} rows of the merged result. */
  public ShardedQuery<E> limit(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + count);
    }
    return with(where, equalities, sortKeys, count, offset, options, pinned);
  }

  /** Skips {@code count} rows of the merged, ordered result. */
  public ShardedQuery<E> offset(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + count);
    }
    return with(where, equalities, sortKeys, limit, count, options, pinned);
  }

  /** Loader options of each shard's query. */
  public ShardedQuery<E> options(Load... loads) {
    List<Load> o = new ArrayList<>(options);
    o.addAll(List.of(loads));
    return with(where, equalities, sortKeys, limit, offset, List.copyOf(o), pinned);
  }

  /** Runs on these shards, whatever the {@link QueryChooser} would say. */
  public ShardedQuery<E> onShards(String... shardIds) {
    for (String id : shardIds) {
      factory.shard(id);
    }
    return with(where, equalities, sortKeys, limit, offset, options, List.of(shardIds));
  }

  private List<String> shards() {
    return pinned != null ? pinned : factory.chooseForQuery(type, equalities);
  }

  private EntityQuery<E> on(String shard) {
    EntityQuery<E> q = session.shard(shard).select(type);
    if (!where.isEmpty()) {
      q = q.where(where.toArray(new Predicate[0]));
    }
    if (!equalities.isEmpty()) {
      q = q.filterBy(equalities);
    }
    if (!sortKeys.isEmpty()) {
      q = q.orderBy(sortKeys.toArray(new String[0]));
    }
    if (!options.isEmpty()) {
      q = q.options(options);
    }
    return q;
  }

  /** The merged rows. */
  public List<E> list() {
    List<String> shards = shards();
    if (shards.size() == 1) { // one shard answers exactly as asked
      EntityQuery<E> q = on(shards.get(0));
      q = limit != null ? q.limit(limit) : q;
      return (offset != null ? q.offset(offset) : q).list();
    }
    if (offset != null && offset > 0 && sortKeys.isEmpty()) {
      throw new ShardingException("offset(" + offset + ") across " + shards.size() + " shards needs orderBy(...): "
          + "without an order no row is the " + (offset + 1) + "th");
    }
    List<E> merged = new ArrayList<>();
    for (String s : shards) {
      EntityQuery<E> q = on(s);
      if (limit != null) {
        q = q.limit((offset == null ? 0 : offset) + limit); // the shard's first rows are all the merge can use
      }
      merged.addAll(q.list());
    }
    if (!sortKeys.isEmpty()) {
      merged.sort(comparator(sortKeys));
    }
    int from = offset == null ? 0 : Math.min(offset, merged.size());
    int to = limit == null ? merged.size() : Math.min(merged.size(), from + limit);
    return new ArrayList<>(merged.subList(from, to));
  }

  /** The first row of the merged result, or null. */
  public E first() {
    List<E> rows = limit(1).list();
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Rows matching, summed over the shards (limit and offset are not applied). */
  public long count() {
    long n = 0;
    for (String s : shards()) {
      n += on(s).count();
    }
    return n;
  }

  /** Sort keys as a comparator of loaded objects; NULLs last, whatever the direction. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Comparator<E> comparator(List<String> keys) {
    EntityMapping<Object> m = (EntityMapping<Object>) Mappings.of(type);
    Comparator<E> out = null;
    for (String key : keys) {
      String[] parts = key.trim().split("\\s+");
      boolean descending = parts.length > 1 && parts[1].toUpperCase(Locale.ROOT).equals("DESC");
      int column = -1;
      for (int c = 0; c < m.table().columns().size(); c++) {
        if (m.propertyName(c).equals(parts[0]) || m.table().columns().get(c).name().equalsIgnoreCase(parts[0])) {
          column = c;
        }
      }
      if (column < 0) {
        throw new IllegalArgumentException(m.entityName() + " has no property '" + parts[0] + "' to order by");
      }
      int c = column;
      Comparator<Comparable> values = descending ? Comparator.<Comparable>naturalOrder().reversed()
          : Comparator.<Comparable>naturalOrder();
      Comparator<E> next = Comparator.comparing(e -> (Comparable) m.get(e, c), Comparator.nullsLast(values));
      out = out == null ? next : out.thenComparing(next);
    }
    return out;
  }
}
