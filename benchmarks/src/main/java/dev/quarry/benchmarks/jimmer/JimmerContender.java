package dev.quarry.benchmarks.jimmer;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.contenders.Contender;
import dev.quarry.benchmarks.contenders.Rows;
import dev.quarry.benchmarks.model.ItemDto;
import dev.quarry.benchmarks.model.ItemRow;
import java.util.ArrayList;
import java.util.List;
import org.babyfish.jimmer.sql.JSqlClient;
import org.babyfish.jimmer.sql.ast.mutation.BatchSaveResult;
import org.babyfish.jimmer.sql.ast.mutation.SaveMode;
import org.babyfish.jimmer.sql.dialect.H2Dialect;
import org.babyfish.jimmer.sql.dialect.PostgresDialect;
import org.babyfish.jimmer.sql.fetcher.Fetcher;
import org.babyfish.jimmer.sql.runtime.ConnectionManager;

/**
 * Jimmer (Java, entities are interfaces compiled by jimmer-apt) with its defaults: the shared
 * HikariCP pool through Jimmer's own transaction manager, the database's dialect, no cache.
 *
 * <p>Jimmer objects are immutable and there is no session, identity map or dirty checking: a
 * change is a new object (a draft) handed to {@code save}, and Jimmer's idiom for changing one
 * column is to save an object holding only the id and that column (what is not loaded is not
 * written). Collections are always loaded by a further batched query (fetcher), never by a join.
 */
public final class JimmerContender implements Contender {
  /** The graph with books loaded for 100 authors per query: the selectin shape (Jimmer's own default is 16 per query). */
  public static final Fetcher<JAuthor> SELECTIN = JAuthorFetcher.$.allScalarFields()
      .books(JBookFetcher.$.allScalarFields().author(), cfg -> cfg.batch(BenchDatabase.AUTHORS));
  /** The same with one author per query: N+1, Jimmer's counterpart of lazy loading (it has no lazy proxies). */
  public static final Fetcher<JAuthor> ONE_BY_ONE = JAuthorFetcher.$.allScalarFields()
      .books(JBookFetcher.$.allScalarFields().author(), cfg -> cfg.batch(1));

  private final HikariDataSource pool;
  private final JSqlClient sql;

  public JimmerContender(BenchDatabase db) {
    this.pool = db.pool("jimmer");
    this.sql = JSqlClient.newBuilder()
        .setConnectionManager(ConnectionManager.simpleConnectionManager(pool))
        .setDialect(db == BenchDatabase.H2 ? new H2Dialect() : new PostgresDialect())
        .build();
  }

  @Override
  public Object findById(long id) {
    return sql.findById(JItem.class, id);
  }

  @Override
  public List<JItem> list(int n) {
    JItemTable t = JItemTable.$;
    return sql.createQuery(t).where(t.id().le((long) n)).orderBy(t.id()).select(t).execute();
  }

  @Override
  public List<ItemDto> dto(int n) {
    JItemTable t = JItemTable.$;
    return sql.createQuery(t).where(t.id().le((long) n)).orderBy(t.id()).select(t.id(), t.name(), t.age())
        .map(r -> new ItemDto(r.get_1(), r.get_2(), r.get_3()));
  }

  static JNewItem newItem(ItemRow r) {
    return JNewItemDraft.$.produce(d -> d.setName(r.getName()).setEmail(r.getEmail()).setAge(r.getAge())
        .setScore(r.getScore()).setActive(r.isActive()).setCreatedAt(r.getCreatedAt()).setAmount(r.getAmount())
        .setCategory(r.getCategory()).setCounter(r.getCounter()));
  }

  @Override
  public long insertOne(int seq) {
    return sql.saveCommand(newItem(Rows.newItem(seq))).setMode(SaveMode.INSERT_ONLY).execute()
        .getModifiedEntity().id();
  }

  @Override
  public long batchInsert(int n, int seq) {
    List<JNewItem> items = new ArrayList<>(n);
    for (ItemRow r : Rows.newItems(n, seq)) {
      items.add(newItem(r));
    }
    List<BatchSaveResult.Item<JNewItem>> saved = sql.transaction(() ->
        sql.saveEntitiesCommand(items).setMode(SaveMode.INSERT_ONLY).execute().getItems());
    return saved.get(n - 1).getModifiedEntity().id();
  }

  /** Loads the whole row, then saves an object holding only the id and the new counter (Jimmer's partial update). */
  @Override
  public long loadModifyCommit(long id) {
    return sql.transaction(() -> {
      JItem item = sql.findById(JItem.class, id);
      long counter = item.counter() + 1;
      sql.saveCommand(JItemDraft.$.produce(d -> d.setId(id).setCounter(counter))).setMode(SaveMode.UPDATE_ONLY)
          .execute();
      return counter;
    });
  }

  @Override
  public long loadModifyFlush(int n) {
    return sql.transaction(() -> {
      List<JItem> changed = new ArrayList<>(n);
      long sum = 0;
      for (JItem item : list(n)) {
        long counter = item.counter() + 1;
        sum += counter;
        changed.add(JItemDraft.$.produce(d -> d.setId(item.id()).setCounter(counter)));
      }
      sql.saveEntitiesCommand(changed).setMode(SaveMode.UPDATE_ONLY).execute();
      return sum;
    });
  }

  /** The author list with the given fetcher, ordered by id (books in id order too). */
  public List<JAuthor> authors(Fetcher<JAuthor> fetcher) {
    JAuthorTable a = JAuthorTable.$;
    return sql.createQuery(a).orderBy(a.id()).select(a.fetch(fetcher)).execute();
  }

  private static long checksum(List<JAuthor> authors) {
    long sum = 0;
    for (JAuthor a : authors) {
      sum += Rows.author(a.id());
      for (JBook b : a.books()) {
        sum += Rows.book(b.id(), b.pages());
      }
    }
    return sum;
  }

  /** Jimmer loads collections with a further query only (no join fetch for one-to-many). */
  @Override
  public long graphJoined() {
    throw new UnsupportedOperationException("Jimmer has no joined loading of collections");
  }

  @Override
  public long graphSelectin() {
    return checksum(authors(SELECTIN));
  }

  @Override
  public long graphLazy() {
    return checksum(authors(ONE_BY_ONE));
  }

  @Override
  public void openClose() {
    throw new UnsupportedOperationException("Jimmer has no unit of work");
  }

  /** Jimmer has no session or identity map (and its caches are off by default): "get it again" is another query. */
  @Override
  public Held hold(long id) {
    return Held.of(() -> findById(id), () -> {});
  }

  /** {@code forEach} with a batch size reads with that JDBC fetch size; PostgreSQL needs a transaction for a cursor. */
  @Override
  public long stream(int rows, int fetchSize) {
    JItemTable t = JItemTable.$;
    long[] sum = {0};
    sql.transaction(() -> {
      sql.createQuery(t).where(t.id().le((long) rows)).select(t).forEach(fetchSize, item -> sum[0] += item.age());
      return null;
    });
    return sum[0];
  }

  /** Jimmer renders SQL only while executing a statement: it has no public API to render without running it. */
  @Override
  public Object buildQuery(String namePrefix, Integer minAge, Boolean active) {
    throw new UnsupportedOperationException("Jimmer renders SQL only when it executes a query");
  }

  @Override
  public void close() {
    pool.close();
  }
}
