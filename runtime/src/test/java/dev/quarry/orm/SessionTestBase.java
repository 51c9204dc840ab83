package dev.quarry.orm;

import dev.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Opens a fresh database and a session factory recording every statement, per test. */
abstract class SessionTestBase {
  static {
    Model.init();
  }

  TestDatabase ds;
  SessionFactory factory;
  final List<String> statements = new ArrayList<>();

  SessionFactory open(Db db) {
    return open(db, builder(db));
  }

  SessionFactory open(Db db, SessionFactory.Builder builder) {
    factory = builder.statementListener((sql, n) -> statements.add(n == 1 ? sql : sql + " [x" + n + "]")).build();
    return factory;
  }

  SessionFactory.Builder builder(Db db) {
    if (ds != null) {
      ds.close();
    }
    ds = db.fresh(Model.TABLES);
    return SessionFactory.builder(ds.engine());
  }

  /** The statements recorded since the last call, cleared. */
  List<String> take() {
    List<String> out = new ArrayList<>(statements);
    statements.clear();
    return out;
  }

  long count(String table) {
    return Db.count(ds, "SELECT COUNT(*) FROM " + table);
  }

  @AfterEach
  void closeDatabase() {
    if (ds != null) {
      ds.close();
      ds = null;
    }
  }
}
