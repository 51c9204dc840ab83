package dev.quarry.benchmarks.contenders;

import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.model.Author;
import dev.quarry.benchmarks.model.Item;
import dev.quarry.benchmarks.model.ItemDto;
import dev.quarry.benchmarks.model.QAuthor;
import dev.quarry.benchmarks.model.QItem;
import dev.quarry.engine.Engine;
import dev.quarry.orm.Load;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import java.util.List;
import java.util.stream.Stream;

/**
 * Quarry's ORM reading with {@code EntityQuery.untracked()}: the same queries, loaders and generated
 * mappings as {@code quarry-orm}, without the session keeping the objects (no identity-map entry, no
 * snapshot). Reads only: untracked objects are never flushed, and lazy loading needs a session.
 */
public final class QuarryUntrackedContender implements Contender {
  private static final QItem I = QItem.item;
  private static final QAuthor A = QAuthor.author;

  private final Engine engine;
  private final SessionFactory sessions;

  public QuarryUntrackedContender(BenchDatabase db) {
    this.engine = db.engine();
    this.sessions = SessionFactory.of(engine);
  }

  @Override
  public Object findById(long id) {
    try (Session s = sessions.openSession()) {
      return s.select(I).untracked().where(I.id.eq(id)).oneOrNull();
    }
  }

  @Override
  public List<Item> list(int n) {
    try (Session s = sessions.openSession()) {
      return s.select(I).untracked().where(I.id.le((long) n)).orderBy(I.id.asc()).list();
    }
  }

  @Override
  public long graphJoined() {
    try (Session s = sessions.openSession()) {
      List<Author> authors = s.select(A).untracked().options(Load.joined(A.books)).orderBy(A.id.asc()).list();
      return QuarryOrmContender.checksum(authors);
    }
  }

  @Override
  public long graphSelectin() {
    try (Session s = sessions.openSession()) {
      List<Author> authors = s.select(A).untracked().options(Load.selectIn(A.books)).orderBy(A.id.asc()).list();
      return QuarryOrmContender.checksum(authors);
    }
  }

  /** Untracked objects keep nothing while streaming: memory stays flat. */
  @Override
  public long stream(int rows, int fetchSize) {
    try (Session s = sessions.openSession();
        Stream<Item> items = s.select(I).untracked().where(I.id.le((long) rows)).stream()) {
      return items.mapToLong(Item::getAge).sum();
    }
  }

  @Override
  public List<ItemDto> dto(int n) {
    throw new UnsupportedOperationException("untracked concerns entities; DTOs are quarry-orm's tuples");
  }

  @Override
  public long insertOne(int seq) {
    throw new UnsupportedOperationException("reads only");
  }

  @Override
  public long batchInsert(int n, int seq) {
    throw new UnsupportedOperationException("reads only");
  }

  @Override
  public long loadModifyCommit(long id) {
    throw new UnsupportedOperationException("reads only");
  }

  @Override
  public long loadModifyFlush(int n) {
    throw new UnsupportedOperationException("reads only");
  }

  @Override
  public long graphLazy() {
    throw new UnsupportedOperationException("lazy loading needs the session to track the objects");
  }

  @Override
  public void openClose() {
    throw new UnsupportedOperationException("same session as quarry-orm");
  }

  @Override
  public Held hold(long id) {
    throw new UnsupportedOperationException("untracked objects are not held by the session");
  }

  @Override
  public Object buildQuery(String namePrefix, Integer minAge, Boolean active) {
    throw new UnsupportedOperationException("same SQL layer as quarry-core");
  }

  @Override
  public void close() {
    engine.close();
  }
}
