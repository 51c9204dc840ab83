package dev.quarry.benchmarks.boot;

import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.model.boot.Boot01;
import dev.quarry.engine.Engine;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;

/**
 * Quarry ORM's bootstrap: the engine (its HikariCP pool), a session factory, and a session's
 * first get. The processor's registry for this module lists the 50 {@code Boot}NN mappings and
 * the 4 of the other scenarios; all of them are loaded on first use.
 */
final class QuarryOrmBoot {
  private QuarryOrmBoot() {}

  static Booted run(BenchDatabase db) {
    Engine engine = db.engine();
    SessionFactory sessions = SessionFactory.of(engine);
    try (Session s = sessions.openSession()) {
      Boot01 b = s.get(Boot01.class, 1L);
      return new Booted(Booted.row(b.getId(), b.getName(), b.getAmount(), b.getCreatedAt(), b.getCounter(),
          b.isActive()), engine);
    }
  }
}
