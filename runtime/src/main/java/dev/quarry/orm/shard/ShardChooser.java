package dev.quarry.orm.shard;

/** Where a new object is stored (SQLAlchemy's {@code shard_chooser}): the id of one shard. */
@FunctionalInterface
public interface ShardChooser {
  /** The shard {@code entity} (new, about to be added) goes to. */
  String shardFor(Object entity);
}
