package dev.quarry.orm.shard;

import dev.quarry.engine.Engine;
import dev.quarry.orm.SessionFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sessions over horizontally sharded databases (SQLAlchemy's {@code ShardedSession}): the same
 * entities in every shard, one engine per shard, and three choosers — where a new object goes
 * ({@link ShardChooser}), where an id may be ({@link IdentityChooser}), which shards a query runs on
 * ({@link QueryChooser}).
 *
 * <pre>{@code
 * ShardedSessionFactory shards = ShardedSessionFactory.builder()
 *     .shard("europe", europe).shard("asia", asia)
 *     .shardChooser(o -> ((Weather) o).continent().equals("Asia") ? "asia" : "europe")
 *     .identityChooser((type, id) -> List.of("europe", "asia"))
 *     .queryChooser((type, eq) -> "Asia".equals(eq.get("continent")) ? List.of("asia") : List.of("europe", "asia"))
 *     .build();
 * }</pre>
 *
 * <p>Each shard has a {@link SessionFactory} of its own (options for all of them through {@link
 * Builder#sessions}), and a sharded session one {@link dev.quarry.orm.Session} per shard it touches:
 * so the identity map is keyed by shard (the same id in two shards is two objects), relationships
 * load within their object's shard, and each shard commits in a transaction of its own, in the
 * order the shards were defined. Ids must not collide across shards for {@link IdentityChooser}s
 * that look in several: use {@code @GeneratedValue(strategy = UUID)} (random, no coordination) or
 * per-shard sequence ranges.
 */
public final class ShardedSessionFactory {
  private final Map<String, SessionFactory> shards;
  private final ShardChooser shardChooser;
  private final IdentityChooser identityChooser;
  private final QueryChooser queryChooser;

  private ShardedSessionFactory(Builder b) {
    Map<String, SessionFactory> built = new LinkedHashMap<>();
    b.engines.forEach((id, engine) -> {
      SessionFactory.Builder options = SessionFactory.builder(engine);
      b.options.forEach(o -> o.accept(options));
      built.put(id, options.build());
    });
    this.shards = java.util.Collections.unmodifiableMap(built);
    this.shardChooser = b.shardChooser;
    List<String> all = List.copyOf(built.keySet());
    this.identityChooser = b.identityChooser != null ? b.identityChooser : (type, id) -> all;
    this.queryChooser = b.queryChooser != null ? b.queryChooser : (type, equalities) -> all;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A new session; it opens a session of a shard when it first needs that shard. */
  public ShardedSession openSession() {
    return new ShardedSession(this);
  }

  /** Runs {@code work} in a new session, commits when it returns, rolls back when it throws, closes it. */
  public <T> T inTransaction(Function<? super ShardedSession, ? extends T> work) {
    try (ShardedSession session = openSession()) {
      T result;
      try {
        result = work.apply(session);
      } catch (RuntimeException | Error e) {
        try {
          session.rollback();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      session.commit();
      return result;
    }
  }

  /** The shards' ids, in commit order. */
  public List<String> shardIds() {
    return List.copyOf(shards.keySet());
  }

  /** The session factory of shard {@code id}. */
  public SessionFactory shard(String id) {
    SessionFactory f = shards.get(Objects.requireNonNull(id, "id"));
    if (f == null) {
      throw new ShardingException("no shard '" + id + "'; the shards are " + shards.keySet());
    }
    return f;
  }

  String chooseShard(Object entity) {
    String id = shardChooser.shardFor(entity);
    if (id == null) {
      throw new ShardingException("the shard chooser named no shard for " + entity.getClass().getSimpleName()
          + "; the shards are " + shards.keySet());
    }
    shard(id);
    return id;
  }

  List<String> chooseForId(Class<?> type, Object id) {
    return checked(identityChooser.shardsFor(type, id), "identity chooser", type);
  }

  List<String> chooseForQuery(Class<?> type, Map<String, Object> equalities) {
    return checked(queryChooser.shardsFor(type, equalities), "query chooser", type);
  }

  private List<String> checked(List<String> chosen, String who, Class<?> type) {
    if (chosen == null || chosen.isEmpty()) {
      throw new ShardingException("the " + who + " named no shard for " + type.getSimpleName());
    }
    for (String id : chosen) {
      shard(id);
    }
    return chosen;
  }

  /** Shards and choosers of a {@link ShardedSessionFactory}. */
  public static final class Builder {
    private final Map<String, Engine> engines = new LinkedHashMap<>();
    private final List<Consumer<SessionFactory.Builder>> options = new ArrayList<>();
    private ShardChooser shardChooser;
    private IdentityChooser identityChooser;
    private QueryChooser queryChooser;

    private Builder() {}

    /** Adds shard {@code id} on {@code engine}; shards commit in the order they are added. */
    public Builder shard(String id, Engine engine) {
      if (engines.putIfAbsent(Objects.requireNonNull(id, "id"), Objects.requireNonNull(engine, "engine")) != null) {
        throw new IllegalArgumentException("shard '" + id + "' is defined twice");
      }
      return this;
    }

    /** Options applied to every shard's session factory (listeners, caches, timeouts, ...). */
    public Builder sessions(Consumer<SessionFactory.Builder> shardOptions) {
      options.add(Objects.requireNonNull(shardOptions, "shardOptions"));
      return this;
    }

    /** Where new objects go (required). */
    public Builder shardChooser(ShardChooser chooser) {
      this.shardChooser = Objects.requireNonNull(chooser, "chooser");
      return this;
    }

    /** Where {@code get} looks for an id (default: every shard, in order). */
    public Builder identityChooser(IdentityChooser chooser) {
      this.identityChooser = Objects.requireNonNull(chooser, "chooser");
      return this;
    }

    /** Which shards queries run on (default: every shard). */
    public Builder queryChooser(QueryChooser chooser) {
      this.queryChooser = Objects.requireNonNull(chooser, "chooser");
      return this;
    }

    public ShardedSessionFactory build() {
      if (engines.isEmpty()) {
        throw new IllegalStateException("a sharded session factory needs at least one shard");
      }
      if (shardChooser == null) {
        throw new IllegalStateException("a sharded session factory needs a shardChooser for new objects");
      }
      return new ShardedSessionFactory(this);
    }
  }
}
