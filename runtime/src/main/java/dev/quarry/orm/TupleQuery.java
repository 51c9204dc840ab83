package dev.quarry.orm;

import dev.quarry.sql.Expression;
import dev.quarry.sql.OrderField;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Select;
import dev.quarry.sql.TableLike;
import java.util.List;
import java.util.stream.Stream;

/**
 * A query of entities and columns together ({@code session.select(QUser.user, QOrder.order.total)}),
 * giving {@link Tuple}s whose entities come from the identity map. FROM holds the tables of the
 * selected items that are not joined explicitly. Immutable.
 */
public interface TupleQuery {
  TupleQuery where(Predicate... conditions);

  TupleQuery join(TableLike table, Predicate on);

  TupleQuery leftJoin(TableLike table, Predicate on);

  TupleQuery groupBy(Expression<?>... expressions);

  TupleQuery having(Predicate... conditions);

  TupleQuery orderBy(OrderField... fields);

  TupleQuery limit(int count);

  TupleQuery offset(int count);

  /**
   * Keeps the rows {@link #list()} returns, as values, in the query-cache region {@code region}
   * (see {@link EntityQuery#cached}: keyed by SQL and bound values, dropped when a table the query
   * reads is written and that commits). Only for queries that select columns and expressions: a
   * query selecting an entity is refused ({@link IllegalArgumentException}) — cache that entity's
   * query, or select its columns.
   */
  TupleQuery cached(String region);

  /**
   * The entities of the rows without tracking them, as {@link EntityQuery#untracked()}: new objects,
   * detached from birth, one per row within the query (none kept while streaming).
   */
  TupleQuery untracked();

  List<Tuple> list();

  /** The first row, or null. */
  Tuple first();

  /** The only row; {@link dev.quarry.engine.NoResultException} or {@link dev.quarry.engine.NonUniqueResultException} otherwise. */
  Tuple one();

  /** Rows read as they are consumed; close the stream. */
  Stream<Tuple> stream();

  /**
   * The rows as {@code type}, a record annotated {@link dev.quarry.annotation.Projection}:
   * {@code session.select(b.id, b.title).where(...).into(BookRow.class).list()}. Every selected item
   * must be an expression (a column, function, ...), not an entity table.
   *
   * @throws IllegalArgumentException when an item is an entity, or {@code type} has no generated projection
   */
  <R> ProjectionQuery<R> into(Class<R> type);

  /** The SELECT this query runs. */
  Select statement();
}
