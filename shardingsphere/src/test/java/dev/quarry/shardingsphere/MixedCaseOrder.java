package dev.quarry.shardingsphere;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/**
 * A sharded table whose names Quarry must quote (upper-case letters, a reserved word): table
 * {@code "OrderLines"}, shard key {@code "UserId"}, column {@code "order"}.
 */
@Entity
@Table(name = "OrderLines")
public class MixedCaseOrder {
  @Id Long id;
  @Column(name = "UserId") long userId;
  @Column(name = "order") int order;

  public MixedCaseOrder() {}

  public MixedCaseOrder(long id, long userId, int order) {
    this.id = id;
    this.userId = userId;
    this.order = order;
  }

  public long getUserId() {
    return userId;
  }

  public int getOrder() {
    return order;
  }
}
