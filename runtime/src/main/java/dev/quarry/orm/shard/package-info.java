/**
 * Horizontal sharding (SQLAlchemy's {@code horizontal_shard}): rows of the same entities spread over
 * several databases, a chooser for where a new object goes, where an id may be, and which shards a
 * query runs on; results merged across shards. See {@link dev.quarry.orm.shard.ShardedSessionFactory}.
 */
package dev.quarry.orm.shard;
