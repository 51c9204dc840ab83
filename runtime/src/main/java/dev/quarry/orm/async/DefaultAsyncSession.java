package dev.quarry.orm.async;

import dev.quarry.engine.Executable;
import dev.quarry.orm.RelationPath;
import dev.quarry.orm.Session;
import dev.quarry.orm.async.SessionWorker.Kind;
import dev.quarry.spi.EntityTable;
import dev.quarry.sql.Table;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** A view of one session's worker with a timeout: {@link #withTimeout} makes another view of the same worker. */
final class DefaultAsyncSession implements AsyncSession {
  private final AsyncSessionFactory factory;
  private final SessionWorker worker;
  private final Duration timeout;

  DefaultAsyncSession(AsyncSessionFactory factory, SessionWorker worker, Duration timeout) {
    this.factory = factory;
    this.worker = worker;
    this.timeout = timeout;
  }

  <T> CompletionStage<T> submit(String name, Duration opTimeout, Function<? super Session, ? extends T> work) {
    return worker.submit(name, Kind.NORMAL, opTimeout, work);
  }

  Duration timeout() {
    return timeout;
  }

  @Override
  public void add(Object entity) {
    Objects.requireNonNull(entity, "entity");
    worker.now("add", s -> s.add(entity));
  }

  @Override
  public void addAll(Collection<?> entities) {
    List<?> copy = List.copyOf(entities);
    worker.now("addAll", s -> s.addAll(copy));
  }

  @Override
  public <E> CompletionStage<E> get(Class<E> type, Object id) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    return submit("get(" + type.getSimpleName() + ")", timeout, s -> s.get(type, id));
  }

  @Override
  public CompletionStage<Void> delete(Object entity) {
    Objects.requireNonNull(entity, "entity");
    return submit("delete", timeout, s -> {
      s.delete(entity);
      return null;
    });
  }

  @Override
  public <E> CompletionStage<E> merge(E entity) {
    Objects.requireNonNull(entity, "entity");
    return submit("merge", timeout, s -> s.merge(entity));
  }

  @Override
  public <E> CompletionStage<E> refresh(E entity) {
    Objects.requireNonNull(entity, "entity");
    return submit("refresh", timeout, s -> {
      s.refresh(entity);
      return entity;
    });
  }

  @Override
  public <E> CompletionStage<E> load(E entity, RelationPath<? super E, ?> path) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(path, "path");
    return submit("load(" + path + ")", timeout, s -> {
      s.load(entity, path);
      return entity;
    });
  }

  @Override
  public <E> AsyncQuery<E> select(Class<E> type) {
    Objects.requireNonNull(type, "type");
    return new DefaultAsyncQuery<>(this, type.getSimpleName(), s -> s.select(type), null);
  }

  @Override
  public <E, T extends Table & EntityTable<E>> AsyncQuery<E> select(T table) {
    Objects.requireNonNull(table, "table");
    return new DefaultAsyncQuery<>(this, String.valueOf(table), s -> s.select(table), null);
  }

  @Override
  public CompletionStage<Rows> execute(Executable statement) {
    Objects.requireNonNull(statement, "statement");
    return submit("execute", timeout, s -> Rows.read(s.execute(statement)));
  }

  @Override
  public <T> CompletionStage<T> run(Function<? super Session, ? extends T> work) {
    Objects.requireNonNull(work, "work");
    return submit("run", timeout, work);
  }

  @Override
  public CompletionStage<Void> flush() {
    return submit("flush", timeout, s -> {
      s.flush();
      return null;
    });
  }

  @Override
  public CompletionStage<Void> commit() {
    return submit("commit", timeout, s -> {
      s.commit();
      return null;
    });
  }

  @Override
  public CompletionStage<Void> rollback() {
    return worker.submit("rollback", Kind.ROLLBACK, timeout, null);
  }

  @Override
  public CompletionStage<Void> close() {
    return worker.submit("close", Kind.CLOSE, timeout, null);
  }

  @Override
  public AsyncSession withTimeout(Duration newTimeout) {
    Objects.requireNonNull(newTimeout, "timeout");
    Workers.checkTimeout(newTimeout);
    return new DefaultAsyncSession(factory, worker, newTimeout.isZero() ? null : newTimeout);
  }

  @Override
  public boolean isBusy() {
    return worker.busy();
  }

  @Override
  public AsyncSessionFactory factory() {
    return factory;
  }

  @Override
  public String toString() {
    return "AsyncSession[" + worker.session() + "]";
  }
}
