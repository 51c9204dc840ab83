package dev.quarry.benchmarks.boot;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.jimmer.boot.JBoot01;
import dev.quarry.benchmarks.jimmer.boot.JBootEntities;
import org.babyfish.jimmer.sql.JSqlClient;
import org.babyfish.jimmer.sql.dialect.H2Dialect;
import org.babyfish.jimmer.sql.dialect.PostgresDialect;
import org.babyfish.jimmer.sql.runtime.ConnectionManager;
import org.babyfish.jimmer.sql.runtime.EntityManager;

/** Jimmer's bootstrap: the pool, a JSqlClient whose EntityManager lists the 50 entities, one find by id. */
final class JimmerBoot {
  private JimmerBoot() {}

  static Booted run(BenchDatabase db) {
    HikariDataSource pool = db.pool("jimmer-boot");
    JSqlClient sql = JSqlClient.newBuilder()
        .setConnectionManager(ConnectionManager.simpleConnectionManager(pool))
        .setDialect(db == BenchDatabase.H2 ? new H2Dialect() : new PostgresDialect())
        .setEntityManager(new EntityManager(JBootEntities.ALL))
        .build();
    JBoot01 b = sql.findById(JBoot01.class, 1L);
    return new Booted(Booted.row(b.id(), b.name(), b.amount(), b.createdAt(), b.counter(), b.active()), pool);
  }
}
