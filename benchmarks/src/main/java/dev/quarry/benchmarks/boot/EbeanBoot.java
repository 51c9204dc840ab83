package dev.quarry.benchmarks.boot;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.ebean.boot.EBoot01;
import dev.quarry.benchmarks.ebean.boot.EBootEntities;
import io.ebean.Database;
import io.ebean.DatabaseFactory;
import io.ebean.config.DatabaseConfig;
import io.ebean.platform.h2.H2Platform;
import io.ebean.platform.postgres.PostgresPlatform;

/** Ebean's bootstrap: the pool, a Database over the 50 enhanced entity classes (registered explicitly), one find. */
final class EbeanBoot {
  private EbeanBoot() {}

  static Booted run(BenchDatabase db) {
    HikariDataSource pool = db.pool("ebean-boot");
    DatabaseConfig cfg = new DatabaseConfig();
    cfg.setName("boot");
    cfg.setRegister(false);
    cfg.setDefaultServer(false);
    cfg.setDataSource(pool);
    cfg.setDatabasePlatform(db == BenchDatabase.H2 ? new H2Platform() : new PostgresPlatform());
    cfg.setDdlGenerate(false);
    cfg.setDdlRun(false);
    EBootEntities.ALL.forEach(cfg::addClass);
    Database database = DatabaseFactory.create(cfg);
    EBoot01 b = database.find(EBoot01.class, 1L);
    return new Booted(Booted.row(b.getId(), b.getName(), b.getAmount(), b.getCreatedAt(), b.getCounter(),
        b.isActive()), () -> {
          database.shutdown(false, false);
          pool.close();
        });
  }
}
