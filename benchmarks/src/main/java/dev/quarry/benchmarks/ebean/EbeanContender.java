package dev.quarry.benchmarks.ebean;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.contenders.Contender;
import dev.quarry.benchmarks.contenders.Rows;
import dev.quarry.benchmarks.model.ItemDto;
import dev.quarry.benchmarks.model.ItemRow;
import io.ebean.Database;
import io.ebean.DatabaseFactory;
import io.ebean.Transaction;
import io.ebean.config.DatabaseConfig;
import io.ebean.platform.h2.H2Platform;
import io.ebean.platform.postgres.PostgresPlatform;
import java.util.ArrayList;
import java.util.List;

/**
 * Ebean with its defaults over the shared HikariCP pool: entities enhanced at build time
 * (ebean-maven-plugin, {@code META-INF/ebean.mf} limits it to this package), registered
 * explicitly, no DDL, no L2 cache (off unless beans opt in). Writes of many rows use JDBC batch
 * ({@code insertAll}, a batch-mode transaction); dirty checking comes from the enhancement.
 */
public final class EbeanContender implements Contender {
  private final HikariDataSource pool;
  private final Database database;

  public EbeanContender(BenchDatabase db) {
    this.pool = db.pool("ebean");
    DatabaseConfig cfg = new DatabaseConfig();
    cfg.setName("bench-" + db.name().toLowerCase(java.util.Locale.ROOT));
    cfg.setRegister(false);
    cfg.setDefaultServer(false);
    cfg.setDataSource(pool);
    cfg.setDatabasePlatform(db == BenchDatabase.H2 ? new H2Platform() : new PostgresPlatform());
    cfg.setDdlGenerate(false);
    cfg.setDdlRun(false);
    cfg.addClass(EItem.class);
    cfg.addClass(ENewItem.class);
    cfg.addClass(EAuthor.class);
    cfg.addClass(EBook.class);
    this.database = DatabaseFactory.create(cfg);
  }

  @Override
  public Object findById(long id) {
    return database.find(EItem.class, id);
  }

  @Override
  public List<EItem> list(int n) {
    return database.find(EItem.class).where().le("id", (long) n).orderBy("id").findList();
  }

  /** A DTO query: SQL mapped through the record's constructor. */
  @Override
  public List<ItemDto> dto(int n) {
    return database.findDto(ItemDto.class, "select id, name, age from item where id <= ? order by id")
        .setParameter((long) n).findList();
  }

  static ENewItem newItem(ItemRow r) {
    ENewItem e = new ENewItem();
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
    ENewItem e = newItem(Rows.newItem(seq));
    database.insert(e);
    return e.getId();
  }

  @Override
  public long batchInsert(int n, int seq) {
    List<ENewItem> items = new ArrayList<>(n);
    for (ItemRow r : Rows.newItems(n, seq)) {
      items.add(newItem(r));
    }
    try (Transaction tx = database.beginTransaction()) {
      database.insertAll(items, tx);
      tx.commit();
    }
    return items.get(n - 1).getId();
  }

  @Override
  public long loadModifyCommit(long id) {
    try (Transaction tx = database.beginTransaction()) {
      EItem item = database.find(EItem.class).usingTransaction(tx).setId(id).findOne();
      item.setCounter(item.getCounter() + 1);
      database.update(item, tx);
      tx.commit();
      return item.getCounter();
    }
  }

  @Override
  public long loadModifyFlush(int n) {
    try (Transaction tx = database.beginTransaction()) {
      tx.setBatchMode(true);
      long sum = 0;
      for (EItem item : database.find(EItem.class).usingTransaction(tx).where().le("id", (long) n).orderBy("id")
          .findList()) {
        item.setCounter(item.getCounter() + 1);
        sum += item.getCounter();
        database.update(item, tx);
      }
      tx.commit();
      return sum;
    }
  }

  private static long checksum(List<EAuthor> authors) {
    long sum = 0;
    for (EAuthor a : authors) {
      sum += Rows.author(a.getId());
      for (EBook b : a.getBooks()) {
        sum += Rows.book(b.getId(), b.getPages());
      }
    }
    return sum;
  }

  /** {@code fetch} of a to-many path joins it into the main query. */
  @Override
  public long graphJoined() {
    return checksum(database.find(EAuthor.class).fetch("books").orderBy("id").findList());
  }

  /** {@code fetchQuery}: a second query for the books of all loaded authors (batch 100: one query). */
  @Override
  public long graphSelectin() {
    return checksum(database.find(EAuthor.class).fetchQuery("books").orderBy("id").findList());
  }

  /** Lazy loading one author at a time (Ebean's default lazy-load batch is 10 owners per query). */
  @Override
  public long graphLazy() {
    return checksum(database.find(EAuthor.class).setLazyLoadBatchSize(1).orderBy("id").findList());
  }

  @Override
  public void openClose() {
    throw new UnsupportedOperationException("Ebean has no session apart from a transaction");
  }

  /** A transaction's persistence context answers the second find of the same id. */
  @Override
  public Held hold(long id) {
    Transaction tx = database.beginTransaction();
    database.find(EItem.class).usingTransaction(tx).setId(id).findOne();
    return Held.of(() -> database.find(EItem.class).usingTransaction(tx).setId(id).findOne(), () -> tx.close());
  }

  @Override
  public long stream(int rows, int fetchSize) {
    long[] sum = {0};
    try (Transaction tx = database.beginTransaction()) {
      database.find(EItem.class).usingTransaction(tx).setBufferFetchSizeHint(fetchSize).where().le("id", (long) rows)
          .findEach(i -> sum[0] += i.getAge());
      tx.commit();
    }
    return sum[0];
  }

  @Override
  public Object buildQuery(String namePrefix, Integer minAge, Boolean active) {
    throw new UnsupportedOperationException("Ebean generates SQL only when it executes a query");
  }

  @Override
  public void close() {
    database.shutdown(false, false);
    pool.close();
  }
}
