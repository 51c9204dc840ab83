package dev.quarry.shardingsphere;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** A sharded row whose IDENTITY id each database's identity column makes, with no ShardingSphere key generator. */
@Entity
@Table(name = "t_visit")
public class ShardedVisit {
  @Id @GeneratedValue Long id;
  long userId;

  public ShardedVisit() {}

  public ShardedVisit(long userId) {
    this.userId = userId;
  }

  public Long getId() {
    return id;
  }
}
