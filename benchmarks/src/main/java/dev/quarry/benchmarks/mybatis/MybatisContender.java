package dev.quarry.benchmarks.mybatis;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.contenders.Contender;
import dev.quarry.benchmarks.contenders.Rows;
import dev.quarry.benchmarks.model.AuthorRow;
import dev.quarry.benchmarks.model.BookRow;
import dev.quarry.benchmarks.model.ItemDto;
import dev.quarry.benchmarks.model.ItemRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * MyBatis 3.5 with explicit result maps (XML, auto-mapping off) and the BATCH executor for every
 * write; reads use the default (SIMPLE) executor and its session-scoped local cache. No
 * second-level cache (no {@code <cache/>} in the mapper).
 */
public final class MybatisContender implements Contender {
  private final HikariDataSource pool;
  private final SqlSessionFactory factory;
  private final MappedStatement search;

  public MybatisContender(BenchDatabase db) {
    this.pool = db.pool("mybatis");
    Configuration cfg = new Configuration(new Environment("bench", new JdbcTransactionFactory(), pool));
    String resource = "dev/quarry/benchmarks/mybatis/ItemMapper.xml";
    try (InputStream xml = MybatisContender.class.getClassLoader().getResourceAsStream(resource)) {
      new XMLMapperBuilder(xml, cfg, resource, cfg.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.factory = new SqlSessionFactoryBuilder().build(cfg);
    this.search = cfg.getMappedStatement("dev.quarry.benchmarks.mybatis.ItemMapper.search");
  }

  @Override
  public Object findById(long id) {
    try (SqlSession s = factory.openSession()) {
      return s.getMapper(ItemMapper.class).findById(id);
    }
  }

  @Override
  public List<ItemRow> list(int n) {
    try (SqlSession s = factory.openSession()) {
      return s.getMapper(ItemMapper.class).list(n);
    }
  }

  @Override
  public List<ItemDto> dto(int n) {
    try (SqlSession s = factory.openSession()) {
      return s.getMapper(ItemMapper.class).dto(n);
    }
  }

  @Override
  public long insertOne(int seq) {
    ItemRow row = Rows.newItem(seq);
    try (SqlSession s = factory.openSession(ExecutorType.BATCH)) {
      s.getMapper(ItemMapper.class).insert(row);
      s.flushStatements();
      s.commit();
    }
    return row.getId();
  }

  @Override
  public long batchInsert(int n, int seq) {
    List<ItemRow> rows = Rows.newItems(n, seq);
    try (SqlSession s = factory.openSession(ExecutorType.BATCH)) {
      ItemMapper m = s.getMapper(ItemMapper.class);
      for (ItemRow row : rows) {
        m.insert(row);
      }
      s.flushStatements();
      s.commit();
    }
    return rows.get(n - 1).getId();
  }

  @Override
  public long loadModifyCommit(long id) {
    try (SqlSession s = factory.openSession(ExecutorType.BATCH)) {
      ItemMapper m = s.getMapper(ItemMapper.class);
      ItemRow row = m.findById(id);
      row.setCounter(row.getCounter() + 1);
      m.updateCounter(id, row.getCounter());
      s.commit();
      return row.getCounter();
    }
  }

  @Override
  public long loadModifyFlush(int n) {
    try (SqlSession s = factory.openSession(ExecutorType.BATCH)) {
      ItemMapper m = s.getMapper(ItemMapper.class);
      long sum = 0;
      for (ItemRow row : m.list(n)) {
        row.setCounter(row.getCounter() + 1);
        sum += row.getCounter();
        m.updateCounter(row.getId(), row.getCounter());
      }
      s.flushStatements();
      s.commit();
      return sum;
    }
  }

  @Override
  public long graphJoined() {
    try (SqlSession s = factory.openSession()) {
      return Rows.checksum(s.getMapper(ItemMapper.class).graphJoined());
    }
  }

  @Override
  public long graphSelectin() {
    try (SqlSession s = factory.openSession()) {
      ItemMapper m = s.getMapper(ItemMapper.class);
      List<AuthorRow> authors = m.authors();
      Map<Long, AuthorRow> byId = new HashMap<>();
      for (AuthorRow a : authors) {
        byId.put(a.getId(), a);
      }
      for (BookRow b : m.booksOf(byId.keySet())) {
        byId.get(b.authorId()).getBooks().add(b);
      }
      return Rows.checksum(authors);
    }
  }

  /** A query per author by hand (MyBatis' lazy nested selects would need a proxy library). */
  @Override
  public long graphLazy() {
    try (SqlSession s = factory.openSession()) {
      ItemMapper m = s.getMapper(ItemMapper.class);
      List<AuthorRow> authors = m.authors();
      for (AuthorRow a : authors) {
        a.getBooks().addAll(m.booksOfAuthor(a.getId()));
      }
      return Rows.checksum(authors);
    }
  }

  @Override
  public void openClose() {
    factory.openSession().close();
  }

  /** The session's local cache answers the second select of the same id. */
  @Override
  public Held hold(long id) {
    SqlSession s = factory.openSession();
    ItemMapper m = s.getMapper(ItemMapper.class);
    m.findById(id);
    return Held.of(() -> m.findById(id), () -> s.close());
  }

  @Override
  public long stream(int rows, int fetchSize) {
    if (fetchSize != 1000) {
      throw new IllegalArgumentException("the mapper declares fetchSize=1000");
    }
    try (SqlSession s = factory.openSession(); Cursor<ItemRow> items = s.getMapper(ItemMapper.class).stream(rows)) {
      long sum = 0;
      for (ItemRow row : items) {
        sum += row.getAge();
      }
      return sum;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The dynamic SQL of the mapper rendered for a parameter object (SQL text + parameter mappings). */
  @Override
  public Object buildQuery(String namePrefix, Integer minAge, Boolean active) {
    Map<String, Object> params = new HashMap<>(8);
    params.put("namePrefix", namePrefix);
    params.put("namePattern", namePrefix == null ? null : namePrefix + "%");
    params.put("minAge", minAge);
    params.put("active", active);
    BoundSql sql = search.getBoundSql(params);
    return new Object[] {sql.getSql(), sql.getParameterMappings()};
  }

  @Override
  public void close() {
    pool.close();
  }
}
