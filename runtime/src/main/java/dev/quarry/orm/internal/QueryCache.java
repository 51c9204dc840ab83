package dev.quarry.orm.internal;

import dev.quarry.engine.CompiledStatement;
import dev.quarry.engine.Parameter;
import dev.quarry.orm.Load;
import dev.quarry.spi.EntityMapping;
import dev.quarry.sql.Select;
import dev.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code EntityQuery.cached(region)}: the ids of a query's entities, by the statement's SQL and
 * bound values, read back as objects through the identity map, the entity's second-level cache or
 * one statement by id ({@link LoadPipeline#fromIds}).
 */
final class QueryCache {
  private QueryCache() {}

  /** A query's key and the tables it reads, worked out after autoflush. */
  private record Keyed(Object key, Set<String> tables) {}

  /**
   * Flushes first (what that writes makes this transaction read around the cache), then keys the
   * statement by {@code kind}, its SQL and values. The key needs one rendering per shape, not the
   * engine's quoting, so a hit takes no connection.
   */
  private static Keyed keyed(SessionState session, Select statement, String kind) {
    session.transaction().checkUsable();
    session.flusher().autoflush();
    SecondLevelCacheImpl cache = session.cache().cache();
    CompiledStatement compiled = statement.compile(session.factory().vendor());
    return new Keyed(cache.queryKey(kind + ":" + compiled.sql(), values(compiled.parameters())),
        cache.tablesOf(compiled.sql(), () -> Sql.tablesOf(statement)));
  }

  static <E> List<E> list(SessionState session, EntityMapping<Object> mapping, Select statement, List<Load> options,
      String region, Supplier<List<E>> run, Class<E> type) {
    SessionCache cache = session.cache();
    Keyed keyed = keyed(session, statement, "entity");
    Object key = keyed.key();
    Set<String> tables = keyed.tables();
    List<Object> ids = cache.query(region, key, tables);
    if (ids != null) {
      List<Object> objects = LoadPipeline.fromIds(session, mapping, options, ids);
      if (objects != null) {
        List<E> out = new ArrayList<>(objects.size());
        for (Object o : objects) {
          out.add(type.cast(o));
        }
        return out;
      }
    }
    List<E> result = run.get();
    List<Object> read = new ArrayList<>(result.size());
    for (E e : result) {
      Object id = e == null ? null : mapping.id(e);
      if (id == null) {
        return result;
      }
      read.add(id);
    }
    cache.putQuery(region, key, tables, read);
    return result;
  }

  /**
   * A tuple or projection query's rows as values, cached under {@code kind} (what the rows are
   * read as) plus the statement's SQL and bound values; {@code toValue}/{@code fromValue} turn a row
   * into what is cached and back.
   */
  static <T> List<T> values(SessionState session, Select statement, String region, String kind,
      Supplier<List<T>> run, java.util.function.Function<T, Object> toValue,
      java.util.function.Function<Object, T> fromValue) {
    SessionCache cache = session.cache();
    Keyed keyed = keyed(session, statement, kind);
    Object key = keyed.key();
    Set<String> tables = keyed.tables();
    List<Object> rows = cache.query(region, key, tables);
    if (rows != null) {
      List<T> out = new ArrayList<>(rows.size());
      for (Object row : rows) {
        out.add(fromValue.apply(row));
      }
      return out;
    }
    List<T> result = run.get();
    List<Object> stored = new ArrayList<>(result.size());
    for (T row : result) {
      stored.add(toValue.apply(row));
    }
    cache.putQuery(region, key, tables, stored);
    return result;
  }

  /** The bound values as a key part: arrays by content. */
  private static List<Object> values(List<Parameter> parameters) {
    List<Object> out = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      Object v = p.value();
      out.add(v instanceof byte[] bytes ? java.nio.ByteBuffer.wrap(bytes.clone()) : v == null ? NULL : v);
    }
    return out;
  }

  /** A null value in a key ({@code List.copyOf} refuses nulls). */
  private static final String NULL = "\u0000null";
}
