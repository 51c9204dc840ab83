package dev.quarry.orm;

import dev.quarry.engine.Engine;
import dev.quarry.engine.IsolationLevel;
import dev.quarry.orm.internal.FactoryState;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.spi.Mappings;
import dev.quarry.types.Vendor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes {@link Session}s over one database (SQLAlchemy's {@code sessionmaker}): holds the
 * options every session starts with and what sessions share — rendered statements per entity,
 * sequence pools, listeners and per-type lifecycle callbacks. Thread-safe; build one per
 * application and database.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.builder(engine).expireOnCommit(false).build();
 * sessions.runInTransaction(session -> session.add(new User("ann")));
 * }</pre>
 */
public final class SessionFactory {
  private final FactoryState state;
  private final ScopedSession scoped = new ScopedSession(this);

  private SessionFactory(Builder b) {
    this.state = new FactoryState(this, b.engine, b.autoflush, b.expireOnCommit, b.isolation,
        b.readsOutsideTransaction, b.listeners, b.statementListener, b.statementTimeout, b.callbacks, b.cache, b.implicitLoads, b.binds);
  }

  /** Options for a factory of sessions over {@code engine} (its pool, dialect and statistics). */
  public static Builder builder(Engine engine) {
    return new Builder(Objects.requireNonNull(engine, "engine"));
  }

  /** A factory with the default options: autoflush and expire-on-commit on, the database's isolation. */
  public static SessionFactory of(Engine engine) {
    return builder(engine).build();
  }

  /** Opens a new session; it takes a connection only when it first needs the database. */
  public Session openSession() {
    return state.openSession();
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
    return state.engine().vendor();
  }

  /** The engine sessions take their connections from (for entities not {@link Builder#bind bound} elsewhere). */
  public Engine engine() {
    return state.engine();
  }

  /**
   * Creates the tables of {@code metadata} that are missing, each in its entity's database: the
   * tables of {@link Builder#bind bound} entities in their engine's, the rest in the factory's
   * (SQLAlchemy's {@code create_all} per bind). Returns the DDL run, per database in commit order.
   */
  public List<String> createAll(dev.quarry.schema.Metadata metadata) {
    return state.createAll(metadata);
  }

  /**
   * The second-level and query caches (explicit eviction, counters per region); empty when the
   * factory was built without {@link Builder#cache cache stores}.
   */
  public java.util.Optional<dev.quarry.orm.cache.SecondLevelCache> cache() {
    return state.secondLevelCache();
  }

  public boolean autoflush() {
    return state.autoflush();
  }

  public boolean expireOnCommit() {
    return state.expireOnCommit();
  }

  /** Whether touching objects may run SQL by itself ({@link Builder#implicitLoads}). */
  public boolean implicitLoads() {
    return state.implicitLoads();
  }

  /** Options of a {@link SessionFactory}. */
  public static final class Builder {
    private final Engine engine;
    private boolean autoflush = true;
    private boolean expireOnCommit = true;
    private IsolationLevel isolation;
    private boolean readsOutsideTransaction;
    private final List<SessionListener> listeners = new ArrayList<>();
    private StatementListener statementListener;
    private java.time.Duration statementTimeout;
    private final Map<Class<?>, Map<LifecycleEvent, List<Consumer<Object>>>> callbacks = new HashMap<>();
    private dev.quarry.orm.cache.CacheStores cache;
    private boolean implicitLoads = true;
    private final Map<Class<?>, Engine> binds = new java.util.LinkedHashMap<>();

    private Builder(Engine engine) {
      this.engine = engine;
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

    /** Isolation level of session transactions (default: the database's). */
    public Builder isolation(IsolationLevel level) {
      this.isolation = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Whether a session reads outside a transaction until its first write (default false: a
     * session's statements all run in one transaction, begun with its first statement). With
     * true, queries and loads before the first INSERT, UPDATE, DELETE, sequence block, Core or
     * raw statement run in autocommit, each seeing the latest committed data rather than one
     * snapshot, and a session that only reads never begins or ends a transaction; the first write
     * begins the transaction, and everything after it runs inside. This is Hibernate's and
     * Jimmer's behaviour for reads without a transaction: it saves the BEGIN and COMMIT round
     * trips of read-only work on a server database. A streamed query before the first write gets
     * a transaction of its own on PostgreSQL, whose driver streams only inside one.
     */
    public Builder readsOutsideTransaction(boolean value) {
      this.readsOutsideTransaction = value;
      return this;
    }

    /**
     * Turns on the second-level and query caches over {@code stores} (Hibernate's second-level
     * cache, dogpile regions): rows of {@code @Cached} entities by id, element ids of
     * {@code @Cached} collections, and results of queries marked {@code cached(region)} are kept in
     * the regions they name, shared by every session of the factory and invalidated when a
     * transaction that wrote them commits. {@code quarry-cache}'s {@code CacheRegions} are such
     * stores. Without this call nothing is cached, whatever the annotations say.
     */
    public Builder cache(dev.quarry.orm.cache.CacheStores stores) {
      this.cache = Objects.requireNonNull(stores, "stores");
      return this;
    }

    /**
     * Whether touching an object may run SQL by itself (default true): an unloaded relationship
     * loads on first access, expired state reloads. With false — what async sessions need, as
     * SQLAlchemy's {@code AsyncSession} does — either fails at once with an {@link OrmException}
     * ({@link RaiseLoadException} for a relationship) naming the explicit call that loads it:
     * {@link Session#load}, {@link Session#refresh}, or a query's {@link Load} options.
     */
    public Builder implicitLoads(boolean value) {
      this.implicitLoads = value;
      return this;
    }

    /**
     * Keeps {@code entityType}'s rows (its inheritance hierarchy's, and the association tables it
     * owns) in {@code engine}'s database instead of the factory's (SQLAlchemy's {@code binds}): its
     * queries, loads and flushes run there, and Core statements through the session go to the
     * database their tables are bound to. A session's transaction then spans the databases it
     * touched, each in a transaction of its own; commit commits them in a fixed order — the
     * factory's engine, then bound engines in the order first bound — and a failure after one of
     * them committed is a {@link PartialCommitException} naming which (no two-phase commit).
     * Relationships between entities of different databases are not supported: no statement joins
     * two databases. Bind the entities of a hierarchy through its root.
     */
    public Builder bind(Class<?> entityType, Engine engine) {
      binds.put(Objects.requireNonNull(entityType, "entityType"), Objects.requireNonNull(engine, "engine"));
      return this;
    }

    /** Adds session events every session of the factory reports. */
    public Builder listener(SessionListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * A timeout for every statement sessions send — queries, loads, flushes, Core statements
     * given to {@code Session.execute} (not those run on {@code Session.connection()} directly)
     * ({@link dev.quarry.engine.ExecutionOptions#timeout()}: a timed-out statement fails with
     * {@link dev.quarry.engine.QueryTimeoutException}); {@link EntityQuery#timeout} overrides it
     * per query. Default none; zero for none.
     */
    public Builder statementTimeout(java.time.Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("statementTimeout must not be negative, got " + timeout);
      }
      this.statementTimeout = timeout.isZero() ? null : timeout;
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
      Class<?> entityType = Mappings.of(type).entityType();
      callbacks.computeIfAbsent(entityType, t -> new EnumMap<>(LifecycleEvent.class))
          .computeIfAbsent(event, e -> new ArrayList<>()).add((Consumer<Object>) callback);
      return this;
    }

    public SessionFactory build() {
      return new SessionFactory(this);
    }
  }
}
