package dev.quarry.benchmarks.boot;

import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.model.boot.Boot01;
import dev.quarry.benchmarks.model.boot.Boot01Dao;
import dev.quarry.engine.Engine;

/** Quarry Core's bootstrap: the engine (its HikariCP pool) and the generated DAO's first find by id. */
final class QuarryCoreBoot {
  private QuarryCoreBoot() {}

  static Booted run(BenchDatabase db) {
    Engine engine = db.engine();
    Boot01 b = new Boot01Dao(engine).findById(1L).orElseThrow();
    return new Booted(Booted.row(b.getId(), b.getName(), b.getAmount(), b.getCreatedAt(), b.getCounter(),
        b.isActive()), engine);
  }
}
