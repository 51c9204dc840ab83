package dev.quarry.orm;

import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.spi.Mappings;
import dev.quarry.types.Vendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Makes {@link Session}s over one database (SQLAlchemy's {@code sessionmaker}): holds the
 * options every session starts with and what sessions share — rendered statements per entity,
 * sequence pools, listeners and per-type lifecycle callbacks. Thread-safe; build one per
 * application and database.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.builder(dataSource).expireOnCommit(false).build();
 * sessions.runInTransaction(session -> session.add(new User("ann")));
 * }</pre>
 */
public final class SessionFactory {
  private final ConnectionSource source;
  private final boolean autoflush;
  private final boolean expireOnCommit;
  private final Integer isolation;
  private final List<SessionListener> listeners;
  private final StatementListener statementListener;
  private final Map<Class<?>, Map<LifecycleEvent, List<Consumer<Object>>>> callbacks;
  private final Map<EntityMapping<?>, EntitySql> statements = new ConcurrentHashMap<>();
  private final Map<String, SequencePool> sequences = new ConcurrentHashMap<>();
  private final DetachedRegistry detached = new DetachedRegistry();
  private final ScopedSession scoped = new ScopedSession(this);

  private SessionFactory(Builder b) {
    this.source = b.source;
    this.autoflush = b.autoflush;
    this.expireOnCommit = b.expireOnCommit;
    this.isolation = b.isolation;
    this.listeners = List.copyOf(b.listeners);
    this.statementListener = b.statementListener;
    Map<Class<?>, Map<LifecycleEvent, List<Consumer<Object>>>> cb = new HashMap<>();
    b.callbacks.forEach((type, byEvent) -> {
      Map<LifecycleEvent, List<Consumer<Object>>> copy = new EnumMap<>(LifecycleEvent.class);
      byEvent.forEach((event, list) -> copy.put(event, List.copyOf(list)));
      cb.put(type, copy);
    });
    this.callbacks = cb;
  }

  /** A factory over a connection pool (any {@link DataSource}); the database is detected on first use. */
  public static Builder builder(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new Builder(new DataSourceSource(dataSource, null));
  }

  /** A factory over a connection pool on a known database. */
  public static Builder builder(DataSource dataSource, Vendor vendor) {
    return new Builder(new DataSourceSource(Objects.requireNonNull(dataSource, "dataSource"), vendor));
  }

  /** Opens a new session; it takes a connection only when it first needs the database. */
  public Session openSession() {
    return new SessionImpl(this);
  }

  /**
   * Runs {@code work} in a new session, commits when it returns, rolls back when it throws, and
   * closes the session either way. Returns what {@code work} returned.
   */
  public <T> T inTransaction(Function<? super Session, ? extends T> work) {
    try (Session session = openSession()) {
      T result;
      try {
        result = work.apply(session);
      } catch (RuntimeException | Error e) {
        rollbackQuietly(session, e);
        throw e;
      }
      session.commit();
      return result;
    }
  }

  /** {@link #inTransaction} for work without a result. */
  public void runInTransaction(Consumer<? super Session> work) {
    inTransaction(s -> {
      work.accept(s);
      return null;
    });
  }

  static void rollbackQuietly(Session session, Throwable primary) {
    try {
      session.rollback();
    } catch (RuntimeException suppressed) {
      primary.addSuppressed(suppressed);
    }
  }

  /** The thread-bound session registry of this factory (SQLAlchemy's {@code scoped_session}). */
  public ScopedSession scoped() {
    return scoped;
  }

  /** The database this factory talks to. */
  public Vendor vendor() {
    return source.vendor();
  }

  public boolean autoflush() {
    return autoflush;
  }

  public boolean expireOnCommit() {
    return expireOnCommit;
  }

  // --- shared with sessions ---------------------------------------------------------------

  ConnectionSource source() {
    return source;
  }

  Integer isolation() {
    return isolation;
  }

  List<SessionListener> listeners() {
    return listeners;
  }

  StatementListener statementListener() {
    return statementListener;
  }

  DetachedRegistry detached() {
    return detached;
  }

  List<Consumer<Object>> callbacks(Class<?> type, LifecycleEvent event) {
    if (callbacks.isEmpty()) {
      return List.of();
    }
    Map<LifecycleEvent, List<Consumer<Object>>> byEvent = callbacks.get(type);
    return byEvent == null ? List.of() : byEvent.getOrDefault(event, List.of());
  }

  EntitySql sql(EntityMapping<?> mapping, Vendor vendor) {
    EntitySql s = statements.get(mapping);
    if (s == null || s.vendor() != vendor) {
      s = new EntitySql(mapping, vendor);
      statements.put(mapping, s);
    }
    return s;
  }

  SequencePool sequence(String name, int allocationSize) {
    return sequences.computeIfAbsent(name, n -> new SequencePool(allocationSize));
  }

  private volatile Map<String, EntityMapping<?>> byTable;

  /** The mapping whose table is {@code table} (or an alias of it). */
  @SuppressWarnings("unchecked")
  EntityMapping<Object> mappingOf(dev.quarry.sql.Table table) {
    Map<String, EntityMapping<?>> m = byTable;
    if (m == null) {
      m = new HashMap<>();
      for (EntityMapping<?> mapping : Mappings.all().values()) {
        m.put(mapping.table().qualifiedName(), mapping);
      }
      byTable = m;
    }
    EntityMapping<?> found = m.get(table.qualifiedName());
    if (found == null) {
      throw new IllegalArgumentException(table.qualifiedName() + " is not the table of a mapped entity; query "
          + "plain tables through the engine, or select(Entity.class)");
    }
    return (EntityMapping<Object>) found;
  }

  static EntityMapping<Object> mapping(Class<?> type) {
    @SuppressWarnings("unchecked")
    EntityMapping<Object> m = (EntityMapping<Object>) Mappings.of(type);
    return m;
  }

  /** Options of a {@link SessionFactory}. */
  public static final class Builder {
    private final ConnectionSource source;
    private boolean autoflush = true;
    private boolean expireOnCommit = true;
    private Integer isolation;
    private final List<SessionListener> listeners = new ArrayList<>();
    private StatementListener statementListener;
    private final Map<Class<?>, Map<LifecycleEvent, List<Consumer<Object>>>> callbacks = new HashMap<>();

    private Builder(ConnectionSource source) {
      this.source = source;
    }

    /** Flush pending changes before queries (default true). */
    public Builder autoflush(boolean value) {
      this.autoflush = value;
      return this;
    }

    /** Expire loaded state when a transaction commits so the next access reads it fresh (default true). */
    public Builder expireOnCommit(boolean value) {
      this.expireOnCommit = value;
      return this;
    }

    /** Isolation level of session transactions, a {@code java.sql.Connection.TRANSACTION_*} constant. */
    public Builder isolation(int level) {
      if (level != Connection.TRANSACTION_READ_UNCOMMITTED && level != Connection.TRANSACTION_READ_COMMITTED
          && level != Connection.TRANSACTION_REPEATABLE_READ && level != Connection.TRANSACTION_SERIALIZABLE) {
        throw new IllegalArgumentException("isolation must be one of java.sql.Connection.TRANSACTION_READ_UNCOMMITTED, "
            + "READ_COMMITTED, REPEATABLE_READ or SERIALIZABLE; got " + level);
      }
      this.isolation = level;
      return this;
    }

    /** Adds session events every session of the factory reports. */
    public Builder listener(SessionListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Sees every statement sessions send (tests, tooling). */
    public Builder statementListener(StatementListener listener) {
      this.statementListener = listener;
      return this;
    }

    /** Registers a lifecycle callback for entities of {@code type}, in addition to the entity's own. */
    @SuppressWarnings("unchecked")
    public <E> Builder on(Class<E> type, LifecycleEvent event, Consumer<? super E> callback) {
      Objects.requireNonNull(callback, "callback");
      Class<?> entityType = mapping(type).entityType();
      callbacks.computeIfAbsent(entityType, t -> new EnumMap<>(LifecycleEvent.class))
          .computeIfAbsent(event, e -> new ArrayList<>()).add((Consumer<Object>) callback);
      return this;
    }

    public SessionFactory build() {
      return new SessionFactory(this);
    }
  }

  /** Connections from a {@link DataSource}; the vendor is read from the first connection's metadata. */
  private static final class DataSourceSource implements ConnectionSource {
    private final DataSource dataSource;
    private volatile Vendor vendor;

    DataSourceSource(DataSource dataSource, Vendor vendor) {
      this.dataSource = dataSource;
      this.vendor = vendor;
    }

    @Override
    public Connection open() throws SQLException {
      Connection c = dataSource.getConnection();
      if (vendor == null) {
        vendor = Vendor.fromProductName(c.getMetaData().getDatabaseProductName());
      }
      return c;
    }

    @Override
    public Vendor vendor() {
      Vendor v = vendor;
      if (v == null) {
        try (Connection c = open()) {
          v = vendor;
        } catch (SQLException e) {
          throw new OrmException("cannot connect to find out which database this factory talks to: " + e.getMessage(), e);
        }
      }
      return v;
    }
  }
}
