package dev.quarry.orm.shard;

import dev.quarry.orm.OrmException;

/** A sharded operation that cannot be answered correctly (an unknown shard, a chooser's empty answer). */
public final class ShardingException extends OrmException {
  private static final long serialVersionUID = 1L;

  public ShardingException(String message) {
    super(message);
  }
}
