package dev.quarry.spring;

import dev.quarry.engine.Engine;
import dev.quarry.engine.ExecutionOptions;
import dev.quarry.engine.PoolStatus;
import dev.quarry.engine.Result;
import dev.quarry.sql.Sql;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Up when a validation query through the Quarry engine answers within the configured timeout;
 * details: the database vendor and the pool's state. The query runs on a helper thread so that a
 * pool with no free connection, or a frozen server, cannot hold the health endpoint longer than
 * the timeout.
 */
final class QuarryHealthIndicator extends AbstractHealthIndicator {
  private static final Executor CHECKS = runnable -> {
    Thread t = new Thread(runnable, "quarry-health");
    t.setDaemon(true);
    t.start();
  };

  private final Engine engine;
  private final Duration timeout;

  QuarryHealthIndicator(Engine engine, Duration timeout) {
    super("Quarry health check failed");
    this.engine = engine;
    this.timeout = timeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    builder.withDetail("database", engine.vendor().displayName());
    PoolStatus pool = engine.poolStatus();
    builder.withDetail("pool", java.util.Map.of("active", pool.active(), "idle", pool.idle(), "total",
        pool.total(), "waiting", pool.waiting()));
    CompletableFuture<Void> check = CompletableFuture.runAsync(this::validate, CHECKS);
    try {
      check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      builder.up();
    } catch (TimeoutException e) {
      check.cancel(true);
      builder.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      builder.down(e.getCause());
    }
  }

  private void validate() {
    engine.withConnection(c -> {
      try (Result ignored = c.execute(Sql.text("SELECT 1"), ExecutionOptions.timeout(timeout))) {
        return null;
      }
    });
  }
}
