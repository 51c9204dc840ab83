package dev.quarry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.cache.CacheRegions;
import dev.quarry.engine.Engine;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.cache.CacheStores;
import dev.quarry.spring.app.AuthorDao;
import dev.quarry.spring.app.QAuthor;
import dev.quarry.spring.app.TestApplication;
import dev.quarry.sql.Sql;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Conditions and properties of the auto-configuration, without starting the test application. */
class QuarryAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
          DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
          QuarryAutoConfiguration.class, HealthContributorAutoConfiguration.class,
          QuarryHealthContributorAutoConfiguration.class))
      .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig;DB_CLOSE_DELAY=-1");

  @Test
  void propertiesReachTheSessionFactory() {
    runner.withPropertyValues("quarry.session.expire-on-commit=false", "quarry.session.autoflush=false",
        "quarry.session.statement-timeout=3s", "quarry.echo=true").run(context -> {
          assertThat(context).hasSingleBean(Engine.class).hasSingleBean(SessionFactory.class)
              .hasSingleBean(Session.class).hasBean("quarryHealthIndicator")
              .hasSingleBean(SavepointFlushListener.class);
          SessionFactory factory = context.getBean(SessionFactory.class);
          assertThat(factory.expireOnCommit()).isFalse();
          assertThat(factory.autoflush()).isFalse();
          assertThat(context.getBean(QuarryProperties.class).getSession().getStatementTimeout()).hasSeconds(3);
        });
  }

  @Test
  void daoBeansComeFromTheMappingRegistryAndCanBeTurnedOff() {
    runner.run(context -> assertThat(context).hasSingleBean(AuthorDao.class).hasBean("authorDao"));
    runner.withPropertyValues("quarry.daos.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(AuthorDao.class));
  }

  @Test
  void applicationBeansWin() {
    runner.withUserConfiguration(OwnBeans.class).run(context -> {
      assertThat(context.getBean(AuthorDao.class)).isSameAs(context.getBean("myAuthors"));
      assertThat(context.getBean(Engine.class)).isSameAs(context.getBean("myEngine"));
    });
  }

  @Test
  void healthIndicatorCanBeDisabled() {
    runner.withPropertyValues("management.health.quarry.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("quarryHealthIndicator"));
  }

  @Test
  void sessionPerRequestFilterOnlyWhenAsked() {
    WebApplicationContextRunner web = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QuarryAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:web;DB_CLOSE_DELAY=-1");
    web.run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
    web.withPropertyValues("quarry.web.session-per-request=true")
        .run(context -> assertThat(context).hasSingleBean(FilterRegistrationBean.class));
  }

  @Test
  void noDataSourceNoQuarry() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(QuarryAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(Engine.class));
  }

  @Test
  void meterRegistryGetsQuarrysMeters() {
    runner.withConfiguration(AutoConfigurations.of(QuarryMetricsAutoConfiguration.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          context.getBean(Engine.class).useConnection(c -> c.execute(Sql.text("SELECT 1")).fetchAll());
          context.getBean(SessionFactory.class).openSession().close();
          assertThat(registry.get("quarry.statements").tags("kind", "select", "outcome", "success", "pool", "quarry")
              .timer().count()).isEqualTo(1);
          assertThat(registry.get("quarry.sessions.opened").counter().count()).isEqualTo(1);
          assertThat(registry.get("quarry.sessions.active").gauge().value()).isZero();
        });
  }

  @Test
  void cacheStoresBeanTurnsOnTheCachesAndTheirMeters() {
    runner.withConfiguration(AutoConfigurations.of(QuarryMetricsAutoConfiguration.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(CacheStores.class, () -> CacheRegions.caffeine().region("rows", Duration.ofMinutes(1), 100))
        .run(context -> {
          assertThat(context.getBean(SessionFactory.class).cache()).isPresent();
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          context.getBean("quarryCacheMetrics", MeterBinder.class).bindTo(registry);
          assertThat(registry.get("quarry.cache.hits").tags("region", "rows", "pool", "quarry").functionCounter()
              .count()).isZero();
        });
    runner.run(context -> assertThat(context.getBean(SessionFactory.class).cache()).isEmpty());
  }

  @Test
  void noMeterRegistryNoMeters() {
    runner.withConfiguration(AutoConfigurations.of(QuarryMetricsAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean("quarryStatementMetrics")
            .doesNotHaveBean("quarrySessionMetrics"));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    @Bean
    Engine myEngine(DataSource dataSource) {
      return Engine.builder(new SpringConnectionProvider(dataSource)).build();
    }

    @Bean
    AuthorDao myAuthors(Engine engine) {
      return new AuthorDao(engine);
    }
  }

  /** Keeps the test application's class referenced, so that its package's registry is compiled here. */
  static final Class<?> APP = TestApplication.class;
  static final Object TABLE = QAuthor.author;
}
