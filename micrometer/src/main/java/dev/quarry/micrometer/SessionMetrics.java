package dev.quarry.micrometer;

import dev.quarry.orm.FlushEvent;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;

/** The session listener behind the {@code quarry.sessions.*} and {@code quarry.session.*} meters. */
final class SessionMetrics implements SessionListener {
  private final Counter opened;
  private final Counter closed;
  private final AtomicLong active = new AtomicLong();
  private final Timer flushed;
  private final Timer flushFailed;
  private final DistributionSummary flushSize;
  private final Counter commits;
  private final Counter rollbacks;

  SessionMetrics(MeterRegistry registry, Tags tags) {
    opened = Counter.builder(QuarryMetrics.SESSIONS_OPENED).description("Sessions opened").tags(tags).register(registry);
    closed = Counter.builder(QuarryMetrics.SESSIONS_CLOSED).description("Sessions closed").tags(tags).register(registry);
    // strong: the registry must keep the count even if nothing else held this listener
    Gauge.builder(QuarryMetrics.SESSIONS_ACTIVE, active, AtomicLong::get)
        .description("Sessions opened and not yet closed")
        .tags(tags)
        .strongReference(true)
        .register(registry);
    flushed = flushTimer(registry, tags, "success");
    flushFailed = flushTimer(registry, tags, "error");
    flushSize = DistributionSummary.builder(QuarryMetrics.FLUSH_SIZE)
        .description("Rows a flush inserted, updated and deleted")
        .baseUnit("rows")
        .tags(tags)
        .register(registry);
    commits = transactions(registry, tags, "commit");
    rollbacks = transactions(registry, tags, "rollback");
  }

  private static Timer flushTimer(MeterRegistry registry, Tags tags, String outcome) {
    return Timer.builder(QuarryMetrics.FLUSHES)
        .description("Session flushes that wrote rows or failed")
        .tags(tags)
        .tag("outcome", outcome)
        .register(registry);
  }

  private static Counter transactions(MeterRegistry registry, Tags tags, String outcome) {
    return Counter.builder(QuarryMetrics.TRANSACTIONS)
        .description("Session transactions ended")
        .tags(tags)
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void afterOpen(Session session) {
    opened.increment();
    active.incrementAndGet();
  }

  @Override
  public void afterClose(Session session) {
    closed.increment();
    active.decrementAndGet();
  }

  @Override
  public void flushFinished(Session session, FlushEvent event) {
    if (!event.succeeded()) {
      flushFailed.record(event.elapsed());
      return;
    }
    int rows = event.rows();
    // Autoflush before every query usually finds nothing to write: counting those would drown
    // the flushes that did work. (A flush that changed only association rows has no entity rows
    // and is left out too.)
    if (rows == 0) {
      return;
    }
    flushed.record(event.elapsed());
    flushSize.record(rows);
  }

  @Override
  public void afterCommit(Session session) {
    commits.increment();
  }

  @Override
  public void afterRollback(Session session) {
    rollbacks.increment();
  }
}
