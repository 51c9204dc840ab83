package dev.quarry.benchmarks.boot;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.mybatis.boot.MBoot01;
import java.io.InputStream;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/** MyBatis' bootstrap: the pool, a SqlSessionFactory parsing 50 explicit result maps and selects (BootMapper.xml), one select. */
final class MybatisBoot {
  private MybatisBoot() {}

  static Booted run(BenchDatabase db) throws Exception {
    HikariDataSource pool = db.pool("mybatis-boot");
    Configuration cfg = new Configuration(new Environment("boot", new JdbcTransactionFactory(), pool));
    String resource = "dev/quarry/benchmarks/mybatis/boot/BootMapper.xml";
    try (InputStream xml = MybatisBoot.class.getClassLoader().getResourceAsStream(resource)) {
      new XMLMapperBuilder(xml, cfg, resource, cfg.getSqlFragments()).parse();
    }
    SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(cfg);
    try (SqlSession s = factory.openSession()) {
      MBoot01 b = s.selectOne("boot.find01", 1L);
      return new Booted(Booted.row(b.getId(), b.getName(), b.getAmount(), b.getCreatedAt(), b.getCounter(),
          b.isActive()), pool);
    }
  }
}
