package dev.quarry.benchmarks.boot;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.hibernate.boot.HBoot01;
import dev.quarry.benchmarks.hibernate.boot.HBootEntities;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/** Hibernate's bootstrap: the pool, a SessionFactory over the 50 annotated classes (same settings as the other scenarios), one find. */
final class HibernateBoot {
  private HibernateBoot() {}

  static Booted run(BenchDatabase db) {
    HikariDataSource pool = db.pool("hibernate-boot");
    Configuration cfg = new Configuration();
    HBootEntities.ALL.forEach(cfg::addAnnotatedClass);
    cfg.getProperties().put("hibernate.connection.datasource", pool);
    cfg.setProperty("hibernate.jdbc.batch_size", "50");
    cfg.setProperty("hibernate.order_inserts", "true");
    cfg.setProperty("hibernate.order_updates", "true");
    cfg.setProperty("hibernate.cache.use_second_level_cache", "false");
    cfg.setProperty("hibernate.cache.use_query_cache", "false");
    cfg.setProperty("hibernate.hbm2ddl.auto", "none");
    SessionFactory factory = cfg.buildSessionFactory();
    try (Session s = factory.openSession()) {
      HBoot01 b = s.find(HBoot01.class, 1L);
      return new Booted(Booted.row(b.getId(), b.getName(), b.getAmount(), b.getCreatedAt(), b.getCounter(),
          b.isActive()), () -> {
            factory.close();
            pool.close();
          });
    }
  }
}
