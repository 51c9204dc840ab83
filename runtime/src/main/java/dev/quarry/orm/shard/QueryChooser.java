package dev.quarry.orm.shard;

import java.util.List;
import java.util.Map;

/**
 * Which shards a query runs on (SQLAlchemy's {@code execute_chooser}), from the equalities the query
 * was given with {@link ShardedQuery#filterBy} (property name to value): a shard key among them
 * names its shard; without one, every shard.
 */
@FunctionalInterface
public interface QueryChooser {
  /** The shards to run a query of {@code type} on. */
  List<String> shardsFor(Class<?> type, Map<String, Object> equalities);
}
