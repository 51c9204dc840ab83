package dev.quarry.junit;

import dev.quarry.engine.EngineListener;
import dev.quarry.engine.ExecutionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Counts the statements an engine executes (an {@link EngineListener}, so it sees Core, DAO and
 * session statements alike; a JDBC batch counts once). Inject it into a {@link QuarryTest} method.
 *
 * <pre>{@code
 * List<Order> orders = queries.assertQueries(1, () -> session.select(Order.class).list());
 * }</pre>
 */
public final class QueryCounter implements EngineListener {
  private final List<String> statements = new ArrayList<>();

  /** A counter at zero, to register as an engine listener; the extension injects one of its own. */
  public QueryCounter() {}

  @Override
  public synchronized void afterExecute(ExecutionEvent event) {
    statements.add(event.batchSize() == 1 ? event.sql() : event.sql() + " [batch of " + event.batchSize() + "]");
  }

  /** Number of statements since the last {@link #reset()}. */
  public synchronized int count() {
    return statements.size();
  }

  /** The SQL of the statements since the last {@link #reset()}, in order. */
  public synchronized List<String> statements() {
    return List.copyOf(statements);
  }

  /** Starts counting from zero. */
  public synchronized void reset() {
    statements.clear();
  }

  /** Runs {@code work} and fails unless it sent exactly {@code expected} statements. */
  public void assertQueries(int expected, Runnable work) {
    assertQueries(expected, () -> {
      work.run();
      return null;
    });
  }

  /** Runs {@code work}, fails unless it sent exactly {@code expected} statements, and returns its result. */
  public <T> T assertQueries(int expected, Supplier<T> work) {
    List<String> before = statements();
    T result = work.get();
    List<String> after = statements();
    List<String> sent = after.subList(Math.min(before.size(), after.size()), after.size());
    check(expected, sent, "the block");
    return result;
  }

  static void check(int expected, List<String> sent, String what) {
    if (sent.size() != expected) {
      StringBuilder message = new StringBuilder()
          .append("expected ").append(what).append(" to send ").append(expected).append(" statement")
          .append(expected == 1 ? "" : "s").append(", but it sent ").append(sent.size())
          .append(sent.size() > expected ? " (an N+1 loop? load the related rows in one query)" : "")
          .append(':');
      for (int i = 0; i < sent.size(); i++) {
        message.append("\n  ").append(i + 1).append(". ").append(sent.get(i));
      }
      throw new AssertionError(message.toString());
    }
  }
}
