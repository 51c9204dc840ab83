package dev.quarry.spring;

import dev.quarry.engine.IdentifierQuoting;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code quarry.*} properties of the auto-configured engine, session factory, DAOs and health check. */
@ConfigurationProperties("quarry")
public class QuarryProperties {
  /** Log every SQL statement at INFO on the logger dev.quarry.sql (otherwise at DEBUG). */
  private boolean echo;

  /** Which names Quarry's SQL quotes: AS_NEEDED, or EVERY_NAME for H2 databases created by older Quarry versions. */
  private IdentifierQuoting identifierQuoting = IdentifierQuoting.AS_NEEDED;

  private final Session session = new Session();
  private final Daos daos = new Daos();
  private final Web web = new Web();
  private final Health health = new Health();

  public boolean isEcho() {
    return echo;
  }

  public void setEcho(boolean echo) {
    this.echo = echo;
  }

  public IdentifierQuoting getIdentifierQuoting() {
    return identifierQuoting;
  }

  public void setIdentifierQuoting(IdentifierQuoting identifierQuoting) {
    this.identifierQuoting = identifierQuoting;
  }

  public Session getSession() {
    return session;
  }

  public Daos getDaos() {
    return daos;
  }

  public Web getWeb() {
    return web;
  }

  public Health getHealth() {
    return health;
  }

  /** Options of the SessionFactory. */
  public static class Session {
    /** Flush pending changes before queries. */
    private boolean autoflush = true;

    /** Expire loaded objects when a session's transaction commits, so that they read fresh values next. */
    private boolean expireOnCommit = true;

    /** Timeout of every statement a session sends (queries, loads, flushes); none when unset or zero. */
    private Duration statementTimeout;

    /**
     * Sessions outside a Spring transaction (session per request, sessions opened by hand) read in
     * autocommit until their first write.
     */
    private boolean readsOutsideTransaction;

    public boolean isAutoflush() {
      return autoflush;
    }

    public void setAutoflush(boolean autoflush) {
      this.autoflush = autoflush;
    }

    public boolean isExpireOnCommit() {
      return expireOnCommit;
    }

    public void setExpireOnCommit(boolean expireOnCommit) {
      this.expireOnCommit = expireOnCommit;
    }

    public Duration getStatementTimeout() {
      return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
      this.statementTimeout = statementTimeout;
    }

    public boolean isReadsOutsideTransaction() {
      return readsOutsideTransaction;
    }

    public void setReadsOutsideTransaction(boolean readsOutsideTransaction) {
      this.readsOutsideTransaction = readsOutsideTransaction;
    }
  }

  /** Generated entity DAOs as beans. */
  public static class Daos {
    /** Register a bean for every generated entity DAO the application's mapping registries list. */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** Web applications. */
  public static class Web {
    /**
     * Register a filter that gives each servlet request a Quarry session for the work it does
     * outside Spring transactions, committed when the request succeeds.
     */
    private boolean sessionPerRequest;

    public boolean isSessionPerRequest() {
      return sessionPerRequest;
    }

    public void setSessionPerRequest(boolean sessionPerRequest) {
      this.sessionPerRequest = sessionPerRequest;
    }
  }

  /** The health indicator. */
  public static class Health {
    /** Time limit of the health check's validation query. */
    private Duration timeout = Duration.ofSeconds(2);

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }
}
