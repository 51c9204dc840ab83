package dev.quarry.spring;

import dev.quarry.engine.Engine;
import dev.quarry.engine.EngineListener;
import dev.quarry.orm.Session;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.SessionListener;
import dev.quarry.orm.cache.CacheStores;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Quarry on the application's {@link DataSource}: an {@link Engine} whose connections are Spring's
 * (the pool is the application's, the transaction Spring's {@code DataSourceTransactionManager}),
 * a {@link SessionFactory}, the shared transaction-bound {@link Session}, and a bean for every
 * generated entity DAO. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass({Engine.class, DataSourceUtils.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(QuarryProperties.class)
public class QuarryAutoConfiguration {
  /** The engine: no pool of its own, every connection asked of Spring (see {@link SpringConnectionProvider}). */
  @Bean
  @ConditionalOnMissingBean
  public Engine quarryEngine(DataSource dataSource, QuarryProperties properties,
      ObjectProvider<EngineListener> listeners) {
    var builder = Engine.builder(new SpringConnectionProvider(dataSource))
        .echo(properties.isEcho())
        .identifierQuoting(properties.getIdentifierQuoting());
    listeners.orderedStream().forEach(builder::listener);
    return builder.build();
  }

  /** Sessions with the {@code quarry.session.*} options. */
  @Bean
  @ConditionalOnMissingBean
  public SessionFactory quarrySessionFactory(Engine engine, QuarryProperties properties,
      ObjectProvider<SessionListener> listeners, ObjectProvider<SessionFactoryCustomizer> customizers,
      ObjectProvider<CacheStores> cacheStores) {
    return sessionFactory(engine, properties, listeners, customizers, cacheStores,
        properties.getSession().isAutoflush());
  }

  static SessionFactory sessionFactory(Engine engine, QuarryProperties properties,
      ObjectProvider<SessionListener> listeners, ObjectProvider<SessionFactoryCustomizer> customizers,
      ObjectProvider<CacheStores> cacheStores, boolean autoflush) {
    QuarryProperties.Session options = properties.getSession();
    SessionFactory.Builder builder = SessionFactory.builder(engine)
        .autoflush(autoflush)
        .expireOnCommit(options.isExpireOnCommit())
        .readsOutsideTransaction(options.isReadsOutsideTransaction());
    Duration timeout = options.getStatementTimeout();
    if (timeout != null) {
      builder.statementTimeout(timeout);
    }
    listeners.orderedStream().forEach(builder::listener);
    cacheStores.ifUnique(builder::cache); // the application's cache regions: @Cached entities and cached queries
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /** Finds the session of the current transaction or request. */
  @Bean
  @ConditionalOnMissingBean
  public QuarrySessions quarrySessions(SessionFactory sessionFactory, QuarryProperties properties,
      ObjectProvider<SessionListener> listeners, ObjectProvider<SessionFactoryCustomizer> customizers,
      ObjectProvider<CacheStores> cacheStores) {
    // Read-only transactions get sessions without autoflush: a query there must never write.
    SessionFactory readOnly = sessionFactory(sessionFactory.engine(), properties, listeners, customizers, cacheStores,
        false);
    return new QuarrySessions(sessionFactory, readOnly);
  }

  /**
   * The shared session to inject: each call goes to the current transaction's session. No destroy
   * method: Spring's inference would call {@code close()} on it at shutdown.
   */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean(Session.class)
  public Session quarrySession(QuarrySessions sessions) {
    return new SharedSession(sessions);
  }

  /**
   * Flushes the transaction's session before a NESTED savepoint. Boot adds every
   * {@code TransactionExecutionListener} bean to the transaction manager it auto-configures; a
   * transaction manager of the application's own needs {@code addListener} with it.
   */
  @Bean
  @ConditionalOnMissingBean
  public SavepointFlushListener quarrySavepointFlushListener(QuarrySessions sessions) {
    return new SavepointFlushListener(sessions);
  }

  /** A bean per generated entity DAO (see {@link QuarryDaoRegistrar}); static, as a registry post-processor must be. */
  @Bean
  @ConditionalOnProperty(prefix = "quarry.daos", name = "enabled", matchIfMissing = true)
  static QuarryDaoRegistrar quarryDaoRegistrar() {
    return new QuarryDaoRegistrar();
  }

  /** Session per request for servlet applications, when {@code quarry.web.session-per-request=true}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.filter.OncePerRequestFilter")
  @ConditionalOnProperty(prefix = "quarry.web", name = "session-per-request", havingValue = "true")
  static class SessionPerRequestConfiguration {
    // No @ConditionalOnBean(QuarrySessions): a member class is read before the enclosing
    // class's bean methods, so the condition would never match; the enclosing conditions hold.
    @Bean
    @ConditionalOnMissingBean(QuarrySessionFilter.class)
    FilterRegistrationBean<QuarrySessionFilter> quarrySessionFilter(QuarrySessions sessions) {
      FilterRegistrationBean<QuarrySessionFilter> registration =
          new FilterRegistrationBean<>(new QuarrySessionFilter(sessions));
      // Inside security and error filters' reach, around everything the application runs.
      registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
      return registration;
    }
  }
}
