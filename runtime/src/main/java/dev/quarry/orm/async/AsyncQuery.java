package dev.quarry.orm.async;

import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.Load;
import dev.quarry.orm.Page;
import dev.quarry.sql.Predicate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * A query of an {@link AsyncSession} over one entity: immutable, refined like the sync
 * {@link EntityQuery} (whose builder methods {@link #with} accepts), run by a terminal method that
 * returns a stage. Each terminal method is one operation of the session.
 *
 * <pre>{@code
 * session.select(User.class)
 *     .where(QUser.user.age.gt(18))
 *     .with(q -> q.orderBy(QUser.user.name.asc()).limit(20))
 *     .options(Load.selectIn(QUser.user.orders))   // loaded now: no implicit loads later
 *     .list()
 * }</pre>
 *
 * @param <E> the entity class
 */
public interface AsyncQuery<E> {
  /** Adds conditions ({@link EntityQuery#where}). */
  AsyncQuery<E> where(Predicate... conditions);

  /** Loader options ({@link EntityQuery#options(Load...)}): the eager alternative to {@code session.load}. */
  AsyncQuery<E> options(Load... loads);

  /**
   * Applies any builder methods of the sync query ({@code q -> q.orderBy(...).limit(10).distinct()}),
   * run on the worker when the query runs. {@code refine} must only build the query, not run it.
   */
  AsyncQuery<E> with(UnaryOperator<EntityQuery<E>> refine);

  /**
   * A timeout for this query's operation: bounds its stage ({@link OperationTimeoutException}) and is the
   * database statement timeout of its SELECT ({@link EntityQuery#timeout}); zero for none. Default: the
   * session's timeout.
   */
  AsyncQuery<E> timeout(Duration timeout);

  CompletionStage<List<E>> list();

  /** The first object, or null. */
  CompletionStage<E> first();

  /** The only object; fails with {@code NoResultException} or {@code NonUniqueResultException} otherwise. */
  CompletionStage<E> one();

  /** The only object or null. */
  CompletionStage<E> oneOrNull();

  CompletionStage<Long> count();

  CompletionStage<Boolean> exists();

  /** Page {@code page} (from 1) of {@code size} objects with the total count. */
  CompletionStage<Page<E>> page(int page, int size);
}
