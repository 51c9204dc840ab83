package dev.quarry.orm.shard;

import dev.quarry.orm.PartialCommitException;
import dev.quarry.orm.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A session over the shards of a {@link ShardedSessionFactory}: one {@link Session} per shard it has
 * touched, so every object belongs to exactly one shard ({@link #shardOf}), is loaded and flushed
 * there, and its relationships load from there. Not thread-safe, like a session.
 */
public final class ShardedSession implements AutoCloseable {
  private final ShardedSessionFactory factory;
  private final Map<String, Session> open = new LinkedHashMap<>();

  ShardedSession(ShardedSessionFactory factory) {
    this.factory = factory;
  }

  /** The session of shard {@code id} (opened on first use), for anything this API does not offer. */
  public Session shard(String id) {
    Session s = open.get(id);
    if (s == null) {
      s = factory.shard(id).openSession();
      open.put(id, s);
    }
    return s;
  }

  /**
   * Adds a new object to the shard its {@link ShardChooser} names (objects it cascades to go with
   * it); an object already in one of this session's shards stays where it is.
   */
  public void add(Object entity) {
    Objects.requireNonNull(entity, "entity");
    if (shardOf(entity) == null) {
      shard(factory.chooseShard(entity)).add(entity);
    }
  }

  public void addAll(Collection<?> entities) {
    entities.forEach(this::add);
  }

  /** The object of {@code type}'s row with {@code id} from the first shard the {@link IdentityChooser} names that has it; null when none has. */
  public <E> E get(Class<E> type, Object id) {
    for (String s : factory.chooseForId(type, Objects.requireNonNull(id, "id"))) {
      E found = shard(s).get(type, id);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Marks {@code entity} for deletion in its shard. */
  public void delete(Object entity) {
    shard(requireShard(entity, "delete")).delete(entity);
  }

  /** The shard whose session holds {@code entity}; null when none of this session's shards does. */
  public String shardOf(Object entity) {
    for (Map.Entry<String, Session> e : open.entrySet()) {
      if (e.getValue().contains(entity)) {
        return e.getKey();
      }
    }
    return null;
  }

  private String requireShard(Object entity, String operation) {
    String s = shardOf(Objects.requireNonNull(entity, "entity"));
    if (s == null) {
      throw new ShardingException("cannot " + operation + " " + entity.getClass().getSimpleName()
          + ": no shard of this session holds it (add it, or load it through this session)");
    }
    return s;
  }

  /** A query of {@code type} over the shards its {@link QueryChooser} names, results merged. */
  public <E> ShardedQuery<E> select(Class<E> type) {
    return new ShardedQuery<>(this, factory, type);
  }

  /** Flushes every shard this session has touched. */
  public void flush() {
    open.values().forEach(Session::flush);
  }

  /**
   * Commits each shard this session touched, in the factory's shard order. When the first fails it
   * is thrown and the rest are rolled back; when a later one fails, a {@link PartialCommitException}
   * names the shards that committed (there is no two-phase commit).
   */
  public void commit() {
    List<String> committed = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (String id : factory.shardIds()) {
      if (open.containsKey(id)) {
        order.add(id);
      }
    }
    for (int i = 0; i < order.size(); i++) {
      try {
        open.get(order.get(i)).commit();
      } catch (RuntimeException e) {
        for (int j = i + 1; j < order.size(); j++) {
          try {
            open.get(order.get(j)).rollback();
          } catch (RuntimeException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        if (committed.isEmpty()) {
          throw e;
        }
        throw new PartialCommitException(committed, "shard " + order.get(i), e);
      }
      committed.add("shard " + order.get(i));
    }
  }

  /** Rolls back every shard this session touched. */
  public void rollback() {
    RuntimeException first = null;
    for (Session s : open.values()) {
      try {
        s.rollback();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Closes every shard's session. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (Session s : open.values()) {
      try {
        s.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    open.clear();
    if (first != null) {
      throw first;
    }
  }

  /** The shards this session has touched so far, in the order it touched them. */
  public List<String> openShards() {
    return List.copyOf(open.keySet());
  }
}
