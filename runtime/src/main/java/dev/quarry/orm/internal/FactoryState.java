package dev.quarry.orm.internal;

import dev.quarry.engine.Engine;
import dev.quarry.engine.IsolationLevel;
import dev.quarry.orm.SessionFactory;
import dev.quarry.orm.SessionListener;
import dev.quarry.orm.StatementListener;
import dev.quarry.spi.EntityMapping;
import dev.quarry.spi.EntityTable;
import dev.quarry.spi.LifecycleEvent;
import dev.quarry.spi.Mappings;
import dev.quarry.sql.Table;
import dev.quarry.sql.internal.Dialect;
import dev.quarry.types.Vendor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What a {@link SessionFactory} shares with the sessions it opens: their configuration, one
 * {@link Persister} per mapping, the registry of detached objects and the lifecycle callbacks.
 * The public factory holds one and passes it down; sessions never call back into the facade.
 */
public final class FactoryState {
  private final SessionFactory factory;
  private final Engine engine;
  private final boolean autoflush;
  private final boolean expireOnCommit;
  private final IsolationLevel isolation;
  private final boolean readsOutsideTransaction;
  private final List<SessionListener> listeners;
  private final StatementListener statementListener;
  private final Duration statementTimeout;
  private final Map<Class<?>, Map<LifecycleEvent, List<Consumer<Object>>>> callbacks;
  private final Map<EntityMapping<?>, Persister> persisters = new ConcurrentHashMap<>();
  private final DetachedRegistry detached = new DetachedRegistry();
  private volatile Map<String, EntityMapping<?>> byTable;
  /** The second-level and query caches; null when the factory was given no cache stores. */
  private final SecondLevelCacheImpl cache;
  /** Entity classes bound to other engines than the factory's, by identity type (SQLAlchemy's binds); empty for none. */
  private final Map<Class<?>, Engine> binds;
  /** The bound engines in the order they were bound: the commit order after the factory's engine. */
  private final List<Engine> boundEngines;
  /** Tables of bound entities (theirs, joined tables, association tables they own), by qualified name. */
  private volatile Map<String, Engine> boundTables;
  /** Whether touching unloaded relationships or expired state may run SQL (off for async sessions). */
  private final boolean implicitLoads;

  /** The state of {@code factory}, built from its builder's settings. */
  public FactoryState(SessionFactory factory, Engine engine, boolean autoflush, boolean expireOnCommit,
      IsolationLevel isolation, boolean readsOutsideTransaction, List<SessionListener> listeners,
      StatementListener statementListener, Duration statementTimeout,
      Map<Class<?>, Map<LifecycleEvent, List<Consumer<Object>>>> callbacks, dev.quarry.orm.cache.CacheStores cache,
      boolean implicitLoads, Map<Class<?>, Engine> binds) {
    this.factory = factory;
    Map<Class<?>, Engine> byIdentity = new HashMap<>();
    List<Engine> order = new ArrayList<>();
    binds.forEach((type, bound) -> {
      if (bound != engine) {
        byIdentity.put(mapping(type).identityType(), bound);
        if (!order.contains(bound)) {
          order.add(bound);
        }
      }
    });
    this.binds = Map.copyOf(byIdentity);
    this.boundEngines = List.copyOf(order);
    this.implicitLoads = implicitLoads;
    this.cache = cache == null ? null : new SecondLevelCacheImpl(engine, cache);
    this.engine = engine;
    this.autoflush = autoflush;
    this.expireOnCommit = expireOnCommit;
    this.isolation = isolation;
    this.readsOutsideTransaction = readsOutsideTransaction;
    this.listeners = List.copyOf(listeners);
    this.statementListener = statementListener;
    this.statementTimeout = statementTimeout;
    Map<Class<?>, Map<LifecycleEvent, List<Consumer<Object>>>> cb = new HashMap<>();
    callbacks.forEach((type, byEvent) -> {
      Map<LifecycleEvent, List<Consumer<Object>>> copy = new EnumMap<>(LifecycleEvent.class);
      byEvent.forEach((event, list) -> copy.put(event, List.copyOf(list)));
      cb.put(type, copy);
    });
    this.callbacks = cb;
  }

  /** A new session of this factory. */
  public SessionImpl openSession() {
    SessionImpl session = new SessionImpl(this);
    for (SessionListener l : listeners) {
      l.afterOpen(session);
    }
    return session;
  }

  SessionFactory factory() {
    return factory;
  }

  /** The engine {@code mapping}'s rows live in when it is not the factory's, else null. */
  Engine bindOf(EntityMapping<?> mapping) {
    return binds.isEmpty() ? null : binds.get(mapping.identityType());
  }

  /**
   * The engine a Core statement runs on: the one its tables are bound to, else null (the
   * factory's). A statement naming tables of two databases cannot run anywhere.
   */
  Engine bindOf(dev.quarry.engine.Executable statement) {
    if (binds.isEmpty()) {
      return null;
    }
    java.util.Set<String> tables = new java.util.TreeSet<>(dev.quarry.sql.Sql.tablesOf(statement));
    tables.addAll(statement.writes());
    Map<String, Engine> byTable = boundTables();
    Engine found = null;
    boolean unbound = false;
    for (String t : tables) {
      Engine e = byTable.get(t);
      if (e == null) {
        unbound = true;
      } else if (found == null) {
        found = e;
      } else if (found != e) {
        throw new IllegalArgumentException("the statement names tables of two databases " + tables
            + "; run a statement per database");
      }
    }
    if (found != null && unbound && !tables.contains(dev.quarry.engine.Executable.ANY_TABLE)) {
      throw new IllegalArgumentException("the statement names tables of two databases " + tables
          + " (some bound, some the factory's); run a statement per database");
    }
    return found;
  }

  private Map<String, Engine> boundTables() {
    Map<String, Engine> t = boundTables;
    if (t == null) {
      t = new HashMap<>();
      for (EntityMapping<?> m : Mappings.all().values()) {
        Engine e = bindOf(m);
        if (e == null) {
          continue;
        }
        t.put(m.table().qualifiedName(), e);
        if (m.polymorphism() != null && m.polymorphism().joined() != null) {
          for (Table stored : m.polymorphism().joined().tables()) {
            t.put(stored.qualifiedName(), e);
          }
        }
        for (int r = 0; r < m.relationCount(); r++) {
          if (m.relation(r).joinTable() != null) {
            t.put(m.relation(r).joinTable().qualifiedName(), e);
          }
        }
      }
      boundTables = t;
    }
    return t;
  }

  /** {@code SessionFactory.createAll}: each table created in the database of its entity's bind. */
  public List<String> createAll(dev.quarry.schema.Metadata metadata) {
    Map<String, Engine> byTable = boundTables();
    Map<Engine, List<Table>> perEngine = new java.util.LinkedHashMap<>();
    perEngine.put(engine, new ArrayList<>());
    boundEngines.forEach(e -> perEngine.put(e, new ArrayList<>()));
    for (Table t : metadata.tables()) {
      perEngine.get(byTable.getOrDefault(t.qualifiedName(), engine)).add(t);
    }
    List<String> ddl = new ArrayList<>();
    perEngine.forEach((e, tables) -> {
      if (!tables.isEmpty()) {
        ddl.addAll(dev.quarry.schema.Metadata.of(tables).createAll(e));
      }
    });
    return ddl;
  }

  /** The bound engines in commit order (after the factory's). */
  List<Engine> boundEngines() {
    return boundEngines;
  }

  /** The engine of {@code mapping}: its bind, else the factory's. */
  Engine engineOf(EntityMapping<?> mapping) {
    Engine bound = bindOf(mapping);
    return bound == null ? engine : bound;
  }

  public boolean implicitLoads() {
    return implicitLoads;
  }

  /** The caches, or null when the factory has none. */
  SecondLevelCacheImpl cache() {
    return cache;
  }

  /** The caches' public view; empty when the factory has none. */
  public java.util.Optional<dev.quarry.orm.cache.SecondLevelCache> secondLevelCache() {
    return java.util.Optional.ofNullable(cache);
  }

  public Engine engine() {
    return engine;
  }

  Vendor vendor() {
    return engine.vendor();
  }

  public boolean autoflush() {
    return autoflush;
  }

  public boolean expireOnCommit() {
    return expireOnCommit;
  }

  IsolationLevel isolation() {
    return isolation;
  }

  boolean readsOutsideTransaction() {
    return readsOutsideTransaction;
  }

  List<SessionListener> listeners() {
    return listeners;
  }

  StatementListener statementListener() {
    return statementListener;
  }

  Duration statementTimeout() {
    return statementTimeout;
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

  /** The persister of {@code mapping} for {@code dialect}, built once per mapping and dialect. */
  Persister persister(EntityMapping<?> mapping, Dialect dialect) {
    Persister s = persisters.get(mapping);
    if (s == null || s.dialect() != dialect) {
      s = new Persister(mapping, dialect);
      persisters.put(mapping, s);
    }
    return s;
  }

  /** The mapping whose table is {@code table}; a table shared by a hierarchy stands for its root. */
  @SuppressWarnings("unchecked")
  EntityMapping<Object> mappingOf(Table table) {
    if (table instanceof EntityTable<?> typed) {
      return mapping(typed.entityType()); // a hierarchy's classes share one table: the metamodel names the class
    }
    Map<String, EntityMapping<?>> m = byTable;
    if (m == null) {
      m = new HashMap<>();
      for (EntityMapping<?> mapping : Mappings.all().values()) {
        if (mapping.polymorphism() == null || mapping.polymorphism().isRoot(mapping.entityType())) {
          m.put(mapping.table().qualifiedName(), mapping); // a shared table stands for its hierarchy's root
        }
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

  /** The mapping of an entity class (or of the generated subclass of one). */
  @SuppressWarnings("unchecked")
  static EntityMapping<Object> mapping(Class<?> type) {
    return (EntityMapping<Object>) Mappings.of(type);
  }
}
