package dev.quarry.shardingsphere;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/**
 * A row sharded by {@code user_id % 2} whose id is an IDENTITY key as far as Quarry knows: the
 * INSERT leaves it out and ShardingSphere's SNOWFLAKE key generator fills it in.
 */
@Entity
@Table(name = "t_event")
public class ShardedEvent {
  @Id @GeneratedValue Long id;
  long userId;
  String kind;

  public ShardedEvent() {}

  public ShardedEvent(long userId, String kind) {
    this.userId = userId;
    this.kind = kind;
  }

  public Long getId() {
    return id;
  }

  public long getUserId() {
    return userId;
  }

  public String getKind() {
    return kind;
  }
}
