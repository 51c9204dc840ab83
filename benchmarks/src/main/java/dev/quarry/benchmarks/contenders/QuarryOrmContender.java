package dev.quarry.benchmarks.contenders;

import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.model.Author;
import dev.quarry.benchmarks.model.Book;
import dev.quarry.benchmarks.model.Item;
import dev.quarry.benchmarks.model.ItemDto;
import dev.quarry.benchmarks.model.ItemRow;
import dev.quarry.benchmarks.model.NewItem;
import dev.quarry.benchmarks.model.QAuthor;
import dev.quarry.benchmarks.model.QBook;
import dev.quarry.benchmarks.model.QItem;
import dev.quarry.engine.Engine;
import dev.quarry.orm.Load;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Quarry's ORM: a {@link Session} per operation (identity map, unit of work, generated mappings),
 * default options (autoflush, expire on commit). As {@code quarry-orm-reads-outside-tx} its
 * sessions read outside a transaction until their first write
 * ({@code SessionFactory.Builder.readsOutsideTransaction}), as Hibernate and Jimmer read here.
 *
 * <p>The graph scenarios use the relationship loaders: {@code Load.joined}, {@code Load.selectIn}
 * and {@code Load.lazy} on {@code Author.books}.
 */
public final class QuarryOrmContender implements Contender {
  private static final QItem I = QItem.item;
  private static final QAuthor A = QAuthor.author;
  private static final QBook B = QBook.book;

  private final Engine engine;
  private final SessionFactory sessions;

  public QuarryOrmContender(BenchDatabase db) {
    this(db, false);
  }

  public QuarryOrmContender(BenchDatabase db, boolean readsOutsideTransaction) {
    this.engine = db.engine();
    this.sessions = SessionFactory.builder(engine).readsOutsideTransaction(readsOutsideTransaction).build();
  }

  @Override
  public Object findById(long id) {
    try (Session s = sessions.openSession()) {
      return s.get(Item.class, id);
    }
  }

  @Override
  public List<Item> list(int n) {
    try (Session s = sessions.openSession()) {
      return s.select(Item.class).where(I.id.le((long) n)).orderBy(I.id.asc()).list();
    }
  }

  @Override
  public List<ItemDto> dto(int n) {
    try (Session s = sessions.openSession()) {
      return s.select(I.id, I.name, I.age).where(I.id.le((long) n)).orderBy(I.id.asc()).into(ItemDto.class).list();
    }
  }

  static NewItem newItem(ItemRow r) {
    NewItem e = new NewItem();
    e.setName(r.getName());
    e.setEmail(r.getEmail());
    e.setAge(r.getAge());
    e.setScore(r.getScore());
    e.setActive(r.isActive());
    e.setCreatedAt(r.getCreatedAt());
    e.setAmount(r.getAmount());
    e.setCategory(r.getCategory());
    e.setCounter(r.getCounter());
    return e;
  }

  @Override
  public long insertOne(int seq) {
    NewItem e = newItem(Rows.newItem(seq));
    try (Session s = sessions.openSession()) {
      s.add(e);
      s.commit();
    }
    return e.getId();
  }

  @Override
  public long batchInsert(int n, int seq) {
    List<NewItem> items = new ArrayList<>(n);
    for (ItemRow r : Rows.newItems(n, seq)) {
      items.add(newItem(r));
    }
    try (Session s = sessions.openSession()) {
      s.addAll(items);
      s.commit();
    }
    return items.get(n - 1).getId();
  }

  @Override
  public long loadModifyCommit(long id) {
    try (Session s = sessions.openSession()) {
      Item item = s.get(Item.class, id);
      long value = item.getCounter() + 1;
      item.setCounter(value);
      s.commit();
      return value;
    }
  }

  @Override
  public long loadModifyFlush(int n) {
    try (Session s = sessions.openSession()) {
      long sum = 0;
      for (Item item : s.select(Item.class).where(I.id.le((long) n)).orderBy(I.id.asc()).list()) {
        item.setCounter(item.getCounter() + 1);
        sum += item.getCounter();
      }
      s.flush();
      s.commit();
      return sum;
    }
  }

  @Override
  public long graphJoined() {
    try (Session s = sessions.openSession()) {
      return checksum(s.select(A).options(Load.joined(A.books)).orderBy(A.id.asc()).list());
    }
  }

  @Override
  public long graphSelectin() {
    try (Session s = sessions.openSession()) {
      return checksum(s.select(A).options(Load.selectIn(A.books)).orderBy(A.id.asc()).list());
    }
  }

  @Override
  public long graphLazy() {
    try (Session s = sessions.openSession()) {
      return checksum(s.select(A).options(Load.lazy(A.books)).orderBy(A.id.asc()).list());
    }
  }

  /** Walks the graph; each author's {@code getBooks()} runs the lazy loader on first access. */
  static long checksum(List<Author> authors) {
    long sum = 0;
    for (Author a : authors) {
      sum += Rows.author(a.getId());
      for (Book b : a.getBooks()) {
        sum += Rows.book(b.getId(), b.getPages());
      }
    }
    return sum;
  }

  @Override
  public void openClose() {
    sessions.openSession().close();
  }

  @Override
  public Held hold(long id) {
    Session s = sessions.openSession();
    s.get(Item.class, id);
    return Held.of(() -> s.get(Item.class, id), () -> s.close());
  }

  /** Entities streamed through a session (the identity map keeps every object, as the session's contract says). */
  @Override
  public long stream(int rows, int fetchSize) {
    try (Session s = sessions.openSession();
        Stream<Item> items = s.select(Item.class).where(I.id.le((long) rows)).stream()) {
      return items.mapToLong(Item::getAge).sum();
    }
  }

  /** The ORM builds queries with the same SQL layer as Core: measured once, under quarry-core. */
  @Override
  public Object buildQuery(String namePrefix, Integer minAge, Boolean active) {
    throw new UnsupportedOperationException("same SQL layer as quarry-core");
  }

  @Override
  public void close() {
    engine.close();
  }
}
