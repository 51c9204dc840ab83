package dev.quarry.micrometer;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.quarry.engine.Engine;
import dev.quarry.engine.EngineBuilder;
import dev.quarry.engine.EngineListener;
import dev.quarry.engine.PoolStatus;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.SessionListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Micrometer meters for an {@link Engine} and its {@link SessionFactory}: statements, sessions,
 * flushes, and HikariCP's own pool meters. Every meter carries the tag {@code pool} (the engine's
 * pool name, as on HikariCP's {@code hikaricp.*} meters) and the extra tags given here.
 *
 * <pre>{@code
 * QuarryMetrics metrics = QuarryMetrics.of(registry, "main");
 * Engine engine = metrics.instrument(Engine.builder(url)).build();
 * SessionFactory sessions = metrics.instrument(SessionFactory.builder(engine)).build();
 * }</pre>
 *
 * <p>An engine that is already built has no HikariCP meters (HikariCP takes its tracker before
 * the pool starts): {@link #binder(Engine)} binds its statements and {@link PoolStatus} gauges.
 * Bind an engine once — by its builder or by the binder — or its statements count twice.
 */
public final class QuarryMetrics {
  /** Timer of executed statements, tags {@code kind} and {@code outcome}. */
  public static final String STATEMENTS = "quarry.statements";
  /** Summary of parameter rows per JDBC batch, tag {@code kind}. */
  public static final String BATCH_SIZE = "quarry.statements.batch.size";
  /** Counter of sessions opened. */
  public static final String SESSIONS_OPENED = "quarry.sessions.opened";
  /** Counter of sessions closed. */
  public static final String SESSIONS_CLOSED = "quarry.sessions.closed";
  /** Gauge of sessions open now. */
  public static final String SESSIONS_ACTIVE = "quarry.sessions.active";
  /** Timer of flushes that wrote rows or failed, tag {@code outcome}. */
  public static final String FLUSHES = "quarry.session.flushes";
  /** Summary of rows written per flush. */
  public static final String FLUSH_SIZE = "quarry.session.flush.size";
  /** Counter of session transactions ended, tag {@code outcome} ({@code commit}, {@code rollback}). */
  public static final String TRANSACTIONS = "quarry.session.transactions";
  /** Prefix of the {@link PoolStatus} gauges that {@link #binder} registers. */
  public static final String POOL = "quarry.pool";
  /** Prefix of the cache region meters: {@code .hits .misses .puts .evictions .size}, tag {@code region}. */
  public static final String CACHE = "quarry.cache";
  /** The tag naming the engine, with its pool name as value (HikariCP's tag name). */
  public static final String POOL_TAG = "pool";

  private final MeterRegistry registry;
  private final String name;
  private final Tags tags;

  private QuarryMetrics(MeterRegistry registry, String name, Tags tags) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.name = Objects.requireNonNull(name, "name");
    this.tags = tags.and(POOL_TAG, name);
  }

  /** Meters in {@code registry} for the engine named {@code name} (its pool name and {@code pool} tag). */
  public static QuarryMetrics of(MeterRegistry registry, String name) {
    return of(registry, name, Tags.empty());
  }

  /** Meters in {@code registry} for the engine named {@code name}, with {@code tags} on every meter. */
  public static QuarryMetrics of(MeterRegistry registry, String name, Iterable<Tag> tags) {
    return new QuarryMetrics(registry, name, Tags.of(tags));
  }

  /**
   * Names the pool {@code name} and installs the statement listener and HikariCP's Micrometer
   * tracker ({@code hikaricp.connections.*}); returns {@code builder}.
   */
  public EngineBuilder instrument(EngineBuilder builder) {
    return builder.poolName(name)
        .listener(new StatementMetrics(registry, tags))
        .metricsTrackerFactory(poolMetrics(registry));
  }

  /** Installs the session listener on {@code builder}; returns it. */
  public SessionFactory.Builder instrument(SessionFactory.Builder builder) {
    return builder.listener(new SessionMetrics(registry, tags));
  }

  /**
   * A binder for an engine already built: adds the statement listener and gauges of its
   * {@link Engine#poolStatus()} ({@code quarry.pool.connections.active}, {@code .idle},
   * {@code .total}, {@code quarry.pool.threads.waiting}). The gauges do not keep the engine alive.
   */
  public MeterBinder binder(Engine engine) {
    Objects.requireNonNull(engine, "engine");
    return target -> {
      engine.addListener(new StatementMetrics(target, tags));
      poolGauge(target, engine, POOL + ".connections.active", "Connections lent out", PoolStatus::active);
      poolGauge(target, engine, POOL + ".connections.idle", "Connections waiting in the pool", PoolStatus::idle);
      poolGauge(target, engine, POOL + ".connections.total", "Open connections", PoolStatus::total);
      poolGauge(target, engine, POOL + ".threads.waiting", "Threads waiting for a connection", PoolStatus::waiting);
    };
  }

  /**
   * A binder for the cache regions of {@code sessions} ({@link SessionFactory#cache()}): per region
   * (tag {@code region}) the counters {@code quarry.cache.hits}, {@code .misses}, {@code .puts},
   * {@code .evictions} and the gauge {@code quarry.cache.size}, read from the regions' own
   * statistics; a counter the backend cannot observe (JCache's evictions and size) reads NaN. Binds
   * nothing when the factory has no cache.
   */
  public MeterBinder cacheBinder(SessionFactory sessions) {
    Objects.requireNonNull(sessions, "sessions");
    return target -> sessions.cache().ifPresent(cache -> CacheMetrics.bind(target, cache, tags));
  }

  private void poolGauge(MeterRegistry target, Engine engine, String meter, String description,
      ToIntFunction<PoolStatus> value) {
    Gauge.builder(meter, engine, e -> value.applyAsInt(e.poolStatus()))
        .description(description)
        .tags(tags)
        .register(target);
  }

  /**
   * The engine listener recording {@code quarry.statements} and {@code quarry.statements.batch.size}
   * with {@code tags}, for {@link EngineBuilder#listener} (add the {@code pool} tag yourself).
   */
  public static EngineListener engineListener(MeterRegistry registry, Iterable<Tag> tags) {
    return new StatementMetrics(Objects.requireNonNull(registry, "registry"), Tags.of(tags));
  }

  /** The session listener recording the session and flush meters with {@code tags}, for {@link SessionFactory.Builder#listener}. */
  public static SessionListener sessionListener(MeterRegistry registry, Iterable<Tag> tags) {
    return new SessionMetrics(Objects.requireNonNull(registry, "registry"), Tags.of(tags));
  }

  /** HikariCP's Micrometer tracker, for {@link EngineBuilder#metricsTrackerFactory}. */
  public static MetricsTrackerFactory poolMetrics(MeterRegistry registry) {
    return new MicrometerMetricsTrackerFactory(Objects.requireNonNull(registry, "registry"));
  }
}
