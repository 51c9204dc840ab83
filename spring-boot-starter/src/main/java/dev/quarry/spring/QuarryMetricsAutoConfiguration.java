package dev.quarry.spring;

import dev.quarry.engine.EngineListener;
import dev.quarry.micrometer.QuarryMetrics;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.SessionListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Quarry's Micrometer meters ({@code quarry.statements}, the session and flush meters), when
 * {@code quarry-micrometer} is on the class path and the application has a {@link MeterRegistry}.
 * The engine and session factory pick the listeners up as they pick up any listener bean. The
 * pool's meters are Spring Boot's own ({@code hikaricp.*} for the application's pool): the engine
 * borrows from that pool and has none of its own.
 */
@AutoConfiguration(
    afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"},
    before = QuarryAutoConfiguration.class)
@ConditionalOnClass({QuarryMetrics.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
public class QuarryMetricsAutoConfiguration {
  /** The {@code pool} tag of Quarry's meters in a Spring application: its one engine. */
  static final String ENGINE_TAG = "quarry";

  /** Statement count and timing by kind and outcome, and batch sizes. */
  @Bean
  @ConditionalOnMissingBean(name = "quarryStatementMetrics")
  public EngineListener quarryStatementMetrics(MeterRegistry registry) {
    return QuarryMetrics.engineListener(registry, Tags.of(QuarryMetrics.POOL_TAG, ENGINE_TAG));
  }

  /** Sessions opened, closed and active; flush counts, timings and sizes; transaction outcomes. */
  @Bean
  @ConditionalOnMissingBean(name = "quarrySessionMetrics")
  public SessionListener quarrySessionMetrics(MeterRegistry registry) {
    return QuarryMetrics.sessionListener(registry, Tags.of(QuarryMetrics.POOL_TAG, ENGINE_TAG));
  }

  /** {@code quarry.cache.*} per cache region, when the session factory has caches. */
  @Bean
  @ConditionalOnMissingBean(name = "quarryCacheMetrics")
  public MeterBinder quarryCacheMetrics(MeterRegistry registry, ObjectProvider<SessionFactory> sessions) {
    return target -> sessions.ifUnique(f -> QuarryMetrics.of(registry, ENGINE_TAG).cacheBinder(f).bindTo(target));
  }
}
