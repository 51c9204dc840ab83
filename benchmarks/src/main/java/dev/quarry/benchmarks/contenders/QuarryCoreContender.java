package dev.quarry.benchmarks.contenders;

import static dev.quarry.sql.Sql.select;
import static dev.quarry.sql.Sql.update;

import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.model.AuthorRow;
import dev.quarry.benchmarks.model.BookRow;
import dev.quarry.benchmarks.model.Item;
import dev.quarry.benchmarks.model.ItemDao;
import dev.quarry.benchmarks.model.ItemDto;
import dev.quarry.benchmarks.model.ItemRow;
import dev.quarry.benchmarks.model.NewItem;
import dev.quarry.benchmarks.model.NewItemDao;
import dev.quarry.benchmarks.model.QAuthor;
import dev.quarry.benchmarks.model.QBook;
import dev.quarry.benchmarks.model.QItem;
import dev.quarry.engine.Engine;
import dev.quarry.engine.ExecutionOptions;
import dev.quarry.engine.Result;
import dev.quarry.engine.Row;
import dev.quarry.sql.Predicate;
import dev.quarry.sql.Select;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quarry without a session: the generated DAOs for entity reads and writes, Core statements
 * (typed select / update, compiled once per shape) for projections, graphs, batches and streams.
 */
public final class QuarryCoreContender implements Contender {
  private static final QItem I = QItem.item;
  private static final QAuthor A = QAuthor.author;
  private static final QBook B = QBook.book;

  private final Engine engine;
  private final ItemDao items;
  private final NewItemDao newItems;

  public QuarryCoreContender(BenchDatabase db) {
    this.engine = db.engine();
    this.items = new ItemDao(engine);
    this.newItems = new NewItemDao(engine);
  }

  @Override
  public Object findById(long id) {
    return items.findById(id).orElse(null);
  }

  @Override
  public List<Item> list(int n) {
    return items.findBy(I.id.le((long) n));
  }

  @Override
  public List<ItemDto> dto(int n) {
    Select query = select(I.id, I.name, I.age).from(I).where(I.id.le((long) n)).orderBy(I.id.asc());
    return engine.fetchInto(query, ItemDto.class);
  }

  @Override
  public long insertOne(int seq) {
    return newItems.insert(QuarryOrmContender.newItem(Rows.newItem(seq))).getId();
  }

  @Override
  public long batchInsert(int n, int seq) {
    List<NewItem> rows = new ArrayList<>(n);
    for (ItemRow r : Rows.newItems(n, seq)) {
      rows.add(QuarryOrmContender.newItem(r));
    }
    engine.runInTransaction(c -> new NewItemDao(c).insertAll(rows));
    return rows.get(n - 1).getId();
  }

  @Override
  public long loadModifyCommit(long id) {
    return engine.inTransaction(c -> {
      ItemDao dao = new ItemDao(c);
      Item item = dao.findById(id).orElseThrow();
      item.setCounter(item.getCounter() + 1);
      dao.update(item);
      return item.getCounter();
    });
  }

  @Override
  public long loadModifyFlush(int n) {
    return engine.inTransaction(c -> {
      List<Item> loaded = new ItemDao(c).findBy(I.id.le((long) n));
      List<List<?>> values = new ArrayList<>(loaded.size());
      long sum = 0;
      for (Item item : loaded) {
        item.setCounter(item.getCounter() + 1);
        sum += item.getCounter();
        values.add(List.of(item.getCounter(), item.getId()));
      }
      c.executeBatch(update(I).set(I.counter, 0L).where(I.id.eq(0L)), values);
      return sum;
    });
  }

  @Override
  public long graphJoined() {
    Select query = select(A.id, A.name, B.id, B.authorId, B.title, B.pages).from(A)
        .leftJoin(B, B.authorId.eq(A.id)).orderBy(A.id.asc(), B.id.asc());
    return engine.withConnection(c -> {
      List<AuthorRow> authors = new ArrayList<>();
      try (Result r = c.execute(query)) {
        AuthorRow current = null;
        for (Row row : r.fetchAll()) {
          long id = row.get(A.id);
          if (current == null || current.getId() != id) {
            current = new AuthorRow(id, row.get(A.name));
            authors.add(current);
          }
          Long bookId = row.get(B.id);
          if (bookId != null) {
            current.getBooks().add(new BookRow(bookId, row.get(B.authorId), row.get(B.title), row.get(B.pages)));
          }
        }
      }
      return Rows.checksum(authors);
    });
  }

  private static BookRow book(Row row) {
    return new BookRow(row.get(B.id), row.get(B.authorId), row.get(B.title), row.get(B.pages));
  }

  private static List<AuthorRow> authors(dev.quarry.engine.Connection c) {
    try (Result r = c.execute(select(A.id, A.name).from(A).orderBy(A.id.asc()))) {
      return r.map(row -> new AuthorRow(row.get(A.id), row.get(A.name)));
    }
  }

  @Override
  public long graphSelectin() {
    return engine.withConnection(c -> {
      List<AuthorRow> authors = authors(c);
      Map<Long, AuthorRow> byId = new HashMap<>();
      for (AuthorRow a : authors) {
        byId.put(a.getId(), a);
      }
      try (Result r = c.execute(select(B.id, B.authorId, B.title, B.pages).from(B)
          .where(B.authorId.in(byId.keySet())).orderBy(B.id.asc()))) {
        for (Row row : r.fetchAll()) {
          BookRow b = book(row);
          byId.get(b.authorId()).getBooks().add(b);
        }
      }
      return Rows.checksum(authors);
    });
  }

  @Override
  public long graphLazy() {
    return engine.withConnection(c -> {
      List<AuthorRow> authors = authors(c);
      for (AuthorRow a : authors) {
        try (Result r = c.execute(select(B.id, B.authorId, B.title, B.pages).from(B)
            .where(B.authorId.eq(a.getId())).orderBy(B.id.asc()))) {
          a.getBooks().addAll(r.map(QuarryCoreContender::book));
        }
      }
      return Rows.checksum(authors);
    });
  }

  /** Core has no unit of work: borrowing an engine connection and giving it back is the nearest thing. */
  @Override
  public void openClose() {
    engine.connect().close();
  }

  @Override
  public Held hold(long id) {
    throw new UnsupportedOperationException("no identity map without a session");
  }

  @Override
  public long stream(int rows, int fetchSize) {
    Select query = select(I.id, I.name, I.email, I.age, I.score, I.active, I.createdAt, I.amount, I.category,
        I.counter).from(I).where(I.id.le((long) rows));
    return engine.inTransaction(c -> {
      long sum = 0;
      try (Result r = c.execute(query, ExecutionOptions.fetchSize(fetchSize))) {
        for (Row row = r.fetchOne(); row != null; row = r.fetchOne()) {
          ItemRow item = new ItemRow(row.get(I.id), row.get(I.name), row.get(I.email), row.get(I.age),
              row.get(I.score), row.get(I.active), row.get(I.createdAt), row.get(I.amount), row.get(I.category),
              row.get(I.counter));
          sum += item.getAge();
        }
      }
      return sum;
    });
  }

  @Override
  public Object buildQuery(String namePrefix, Integer minAge, Boolean active) {
    List<Predicate> where = new ArrayList<>(3);
    if (namePrefix != null) {
      where.add(I.name.startsWith(namePrefix));
    }
    if (minAge != null) {
      where.add(I.age.gt(minAge));
    }
    if (active != null) {
      where.add(I.active.eq(active));
    }
    return select(I.id, I.name, I.age).from(I).where(where.toArray(new Predicate[0]))
        .orderBy(I.name.asc()).limit(20).compile(engine.vendor());
  }

  @Override
  public void close() {
    engine.close();
  }
}
