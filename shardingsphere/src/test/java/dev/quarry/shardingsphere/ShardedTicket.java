package dev.quarry.shardingsphere;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.GenerationType;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** A row sharded by {@code user_id % 2} whose id comes from a database sequence (Quarry's SEQUENCE strategy). */
@Entity
@Table(name = "t_ticket")
public class ShardedTicket {
  @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, sequence = "t_ticket_seq") Long id;
  long userId;

  public ShardedTicket() {}

  public ShardedTicket(long userId) {
    this.userId = userId;
  }

  public Long getId() {
    return id;
  }
}
