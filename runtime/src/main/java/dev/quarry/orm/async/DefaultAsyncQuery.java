package dev.quarry.orm.async;

import dev.quarry.orm.EntityQuery;
import dev.quarry.orm.Load;
import dev.quarry.orm.Page;
import dev.quarry.orm.Session;
import dev.quarry.sql.Predicate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** An immutable recipe of a sync {@link EntityQuery}, built and run on the session's worker. */
final class DefaultAsyncQuery<E> implements AsyncQuery<E> {
  private final DefaultAsyncSession session;
  private final String name;
  private final Function<Session, EntityQuery<E>> build;
  private final Duration timeout;

  DefaultAsyncQuery(DefaultAsyncSession session, String name, Function<Session, EntityQuery<E>> build, Duration timeout) {
    this.session = session;
    this.name = name;
    this.build = build;
    this.timeout = timeout;
  }

  @Override
  public AsyncQuery<E> where(Predicate... conditions) {
    Predicate[] copy = conditions.clone();
    return with(q -> q.where(copy));
  }

  @Override
  public AsyncQuery<E> options(Load... loads) {
    Load[] copy = loads.clone();
    return with(q -> q.options(copy));
  }

  @Override
  public AsyncQuery<E> with(UnaryOperator<EntityQuery<E>> refine) {
    Objects.requireNonNull(refine, "refine");
    return new DefaultAsyncQuery<>(session, name, build.andThen(refine), timeout);
  }

  @Override
  public AsyncQuery<E> timeout(Duration newTimeout) {
    Objects.requireNonNull(newTimeout, "timeout");
    Workers.checkTimeout(newTimeout);
    return new DefaultAsyncQuery<>(session, name, build, newTimeout);
  }

  private <T> CompletionStage<T> run(String terminal, Function<EntityQuery<E>, T> then) {
    Duration effective = timeout != null ? timeout : session.timeout();
    return session.submit("select(" + name + ")." + terminal, effective == null || effective.isZero() ? null : effective, s -> {
      EntityQuery<E> q = Objects.requireNonNull(build.apply(s), "the query refinement returned null");
      if (effective != null) {
        q = q.timeout(effective);
      }
      return then.apply(q);
    });
  }

  @Override
  public CompletionStage<List<E>> list() {
    return run("list()", EntityQuery::list);
  }

  @Override
  public CompletionStage<E> first() {
    return run("first()", EntityQuery::first);
  }

  @Override
  public CompletionStage<E> one() {
    return run("one()", EntityQuery::one);
  }

  @Override
  public CompletionStage<E> oneOrNull() {
    return run("oneOrNull()", EntityQuery::oneOrNull);
  }

  @Override
  public CompletionStage<Long> count() {
    return run("count()", EntityQuery::count);
  }

  @Override
  public CompletionStage<Boolean> exists() {
    return run("exists()", EntityQuery::exists);
  }

  @Override
  public CompletionStage<Page<E>> page(int page, int size) {
    return run("page(" + page + ", " + size + ")", q -> q.page(page, size));
  }
}
