package dev.quarry.benchmarks.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.contenders.Contender;
import dev.quarry.benchmarks.contenders.Rows;
import dev.quarry.benchmarks.model.ItemDto;
import dev.quarry.benchmarks.model.ItemRow;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate ORM 7 with the configuration the issue asks for: JDBC batch size 50, ordered inserts
 * and updates, no second-level or query cache, the shared HikariCP pool as its data source, no
 * bytecode enhancement. Ids are IDENTITY (the schema is the same for everyone), with which
 * Hibernate cannot batch INSERTs; it sends them one by one.
 */
public final class HibernateContender implements Contender {
  private final HikariDataSource pool;
  private final SessionFactory factory;
  private final Session criteriaSession;

  public HibernateContender(BenchDatabase db) {
    this.pool = db.pool("hibernate");
    Configuration cfg = new Configuration()
        .addAnnotatedClass(HItem.class)
        .addAnnotatedClass(HNewItem.class)
        .addAnnotatedClass(HAuthor.class)
        .addAnnotatedClass(HBook.class);
    cfg.getProperties().put("hibernate.connection.datasource", pool);
    cfg.setProperty("hibernate.jdbc.batch_size", "50");
    cfg.setProperty("hibernate.order_inserts", "true");
    cfg.setProperty("hibernate.order_updates", "true");
    cfg.setProperty("hibernate.cache.use_second_level_cache", "false");
    cfg.setProperty("hibernate.cache.use_query_cache", "false");
    cfg.setProperty("hibernate.hbm2ddl.auto", "none");
    cfg.setProperty("hibernate.show_sql", "false");
    cfg.setProperty("hibernate.generate_statistics", "false");
    this.factory = cfg.buildSessionFactory();
    this.criteriaSession = factory.openSession();
  }

  @Override
  public Object findById(long id) {
    try (Session s = factory.openSession()) {
      return s.find(HItem.class, id);
    }
  }

  private static List<HItem> list(Session s, int n) {
    return s.createSelectionQuery("from HItem i where i.id <= :n order by i.id", HItem.class)
        .setParameter("n", (long) n).getResultList();
  }

  @Override
  public List<HItem> list(int n) {
    try (Session s = factory.openSession()) {
      return list(s, n);
    }
  }

  @Override
  public List<ItemDto> dto(int n) {
    try (Session s = factory.openSession()) {
      return s.createSelectionQuery("select new dev.quarry.benchmarks.model.ItemDto(i.id, i.name, i.age)"
          + " from HItem i where i.id <= :n order by i.id", ItemDto.class).setParameter("n", (long) n).getResultList();
    }
  }

  static HNewItem newItem(ItemRow r) {
    HNewItem e = new HNewItem();
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
    HNewItem e = newItem(Rows.newItem(seq));
    factory.inTransaction(s -> s.persist(e));
    return e.getId();
  }

  @Override
  public long batchInsert(int n, int seq) {
    List<HNewItem> items = new ArrayList<>(n);
    for (ItemRow r : Rows.newItems(n, seq)) {
      items.add(newItem(r));
    }
    factory.inTransaction(s -> items.forEach(s::persist));
    return items.get(n - 1).getId();
  }

  @Override
  public long loadModifyCommit(long id) {
    return factory.fromTransaction(s -> {
      HItem item = s.find(HItem.class, id);
      item.setCounter(item.getCounter() + 1);
      return item.getCounter();
    });
  }

  @Override
  public long loadModifyFlush(int n) {
    return factory.fromTransaction(s -> {
      long sum = 0;
      for (HItem item : list(s, n)) {
        item.setCounter(item.getCounter() + 1);
        sum += item.getCounter();
      }
      s.flush();
      return sum;
    });
  }

  private static long checksum(List<HAuthor> authors) {
    long sum = 0;
    for (HAuthor a : authors) {
      sum += Rows.author(a.getId());
      for (HBook b : a.getBooks()) {
        sum += Rows.book(b.getId(), b.getPages());
      }
    }
    return sum;
  }

  @Override
  public long graphJoined() {
    try (Session s = factory.openSession()) {
      return checksum(s.createSelectionQuery("from HAuthor a left join fetch a.books order by a.id", HAuthor.class)
          .getResultList());
    }
  }

  /** Batch fetching of the collections, 100 owners per query: Hibernate's counterpart of selectin. */
  @Override
  public long graphSelectin() {
    try (Session s = factory.openSession()) {
      s.setFetchBatchSize(BenchDatabase.AUTHORS);
      return checksum(s.createSelectionQuery("from HAuthor a order by a.id", HAuthor.class).getResultList());
    }
  }

  @Override
  public long graphLazy() {
    try (Session s = factory.openSession()) {
      return checksum(s.createSelectionQuery("from HAuthor a order by a.id", HAuthor.class).getResultList());
    }
  }

  @Override
  public void openClose() {
    factory.openSession().close();
  }

  @Override
  public Held hold(long id) {
    Session s = factory.openSession();
    s.find(HItem.class, id);
    return Held.of(() -> s.find(HItem.class, id), () -> s.close());
  }

  /** A stateless session (no persistence context to grow), the idiomatic way to stream in Hibernate. */
  @Override
  public long stream(int rows, int fetchSize) {
    try (StatelessSession s = factory.openStatelessSession()) {
      Transaction tx = s.beginTransaction();
      try (Stream<HItem> items = s.createSelectionQuery("from HItem i where i.id <= :n", HItem.class)
          .setParameter("n", (long) rows).setFetchSize(fetchSize).getResultStream()) {
        return items.mapToLong(HItem::getAge).sum();
      } finally {
        tx.commit();
      }
    }
  }

  /**
   * A Criteria query turned into an executable query object. Hibernate translates it to SQL only
   * when it runs (and caches that per shape), so this measures building plus semantic analysis.
   */
  @Override
  public Object buildQuery(String namePrefix, Integer minAge, Boolean active) {
    CriteriaBuilder cb = factory.getCriteriaBuilder();
    CriteriaQuery<Object[]> q = cb.createQuery(Object[].class);
    Root<HItem> i = q.from(HItem.class);
    List<Predicate> where = new ArrayList<>(3);
    if (namePrefix != null) {
      where.add(cb.like(i.get("name"), namePrefix + "%"));
    }
    if (minAge != null) {
      where.add(cb.gt(i.get("age"), minAge));
    }
    if (active != null) {
      where.add(cb.equal(i.get("active"), active));
    }
    q.multiselect(i.get("id"), i.get("name"), i.get("age")).where(where.toArray(new Predicate[0]))
        .orderBy(cb.asc(i.get("name")));
    return criteriaSession.createQuery(q).setMaxResults(20);
  }

  @Override
  public void close() {
    criteriaSession.close();
    factory.close();
    pool.close();
  }
}
