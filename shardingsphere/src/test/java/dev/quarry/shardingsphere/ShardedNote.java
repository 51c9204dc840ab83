package dev.quarry.shardingsphere;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.GenerationType;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;
import java.util.UUID;

/** A row sharded by {@code user_id % 2} whose id Quarry generates on the client: a UUID never collides across shards. */
@Entity
@Table(name = "t_note")
public class ShardedNote {
  @Id @GeneratedValue(strategy = GenerationType.UUID) UUID id;
  long userId;
  String text;

  public ShardedNote() {}

  public ShardedNote(long userId, String text) {
    this.userId = userId;
    this.text = text;
  }

  public UUID getId() {
    return id;
  }

  public long getUserId() {
    return userId;
  }

  public String getText() {
    return text;
  }
}
