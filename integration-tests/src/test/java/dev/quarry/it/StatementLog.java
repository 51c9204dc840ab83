package dev.quarry.it;

import dev.quarry.engine.Engine;
import dev.quarry.orm.SessionFactory;
import java.util.ArrayList;
import java.util.List;

/** The SQL a test's session factory ran, for tests that count or inspect statements. */
public final class StatementLog {
  private final List<String> statements = new ArrayList<>();

  /** A session factory on {@code engine} whose statements this log records. */
  public SessionFactory sessions(Engine engine) {
    return SessionFactory.builder(engine).statementListener((sql, n) -> statements.add(sql)).build();
  }

  /** The statements run since the last {@code take} or {@code clear}; the log starts empty again. */
  public List<String> take() {
    List<String> out = List.copyOf(statements);
    statements.clear();
    return out;
  }

  public void clear() {
    statements.clear();
  }
}
