package dev.quarry.micrometer;

import dev.quarry.engine.EngineListener;
import dev.quarry.engine.ExecutionEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The engine listener behind {@code quarry.statements} and {@code quarry.statements.batch.size}. */
final class StatementMetrics implements EngineListener {
  private static final StatementKind[] KINDS = StatementKind.values();

  private final MeterRegistry registry;
  private final Tags tags;
  // Meters are looked up once per kind and outcome, not per statement; registered on first use so
  // that a kind never executed does not show up as a zero series.
  private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(KINDS.length * 2);
  private final AtomicReferenceArray<DistributionSummary> batchSizes = new AtomicReferenceArray<>(KINDS.length);

  StatementMetrics(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
  }

  @Override
  public void afterExecute(ExecutionEvent event) {
    StatementKind kind = StatementKind.of(event.sql());
    timer(kind, event.succeeded()).record(event.elapsed());
    if (event.batchSize() > 1) {
      batchSize(kind).record(event.batchSize());
    }
  }

  private Timer timer(StatementKind kind, boolean succeeded) {
    int slot = kind.ordinal() * 2 + (succeeded ? 0 : 1);
    Timer timer = timers.get(slot);
    if (timer == null) {
      // a race registers the same meter twice: the registry returns the one it holds
      timer = Timer.builder(QuarryMetrics.STATEMENTS)
          .description("Statements executed by the engine (a JDBC batch counts once)")
          .tags(tags)
          .tag("kind", kind.tag)
          .tag("outcome", succeeded ? "success" : "error")
          .register(registry);
      timers.set(slot, timer);
    }
    return timer;
  }

  private DistributionSummary batchSize(StatementKind kind) {
    DistributionSummary summary = batchSizes.get(kind.ordinal());
    if (summary == null) {
      summary = DistributionSummary.builder(QuarryMetrics.BATCH_SIZE)
          .description("Parameter rows per JDBC batch (statements executed with more than one row)")
          .baseUnit("rows")
          .tags(tags)
          .tag("kind", kind.tag)
          .register(registry);
      batchSizes.set(kind.ordinal(), summary);
    }
    return summary;
  }
}
