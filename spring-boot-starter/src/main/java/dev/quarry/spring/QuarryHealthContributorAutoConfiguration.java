package dev.quarry.spring;

import dev.quarry.engine.Engine;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code quarry} health indicator, when Spring Boot Actuator is on the class path. */
@AutoConfiguration(after = QuarryAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(Engine.class)
@ConditionalOnEnabledHealthIndicator("quarry")
public class QuarryHealthContributorAutoConfiguration {
  /** Checks the engine with a bounded validation query; bean name gives the health component "quarry". */
  @Bean(name = "quarryHealthIndicator")
  @ConditionalOnMissingBean(name = "quarryHealthIndicator")
  public HealthIndicator quarryHealthIndicator(Engine engine, QuarryProperties properties) {
    return new QuarryHealthIndicator(engine, properties.getHealth().getTimeout());
  }
}
