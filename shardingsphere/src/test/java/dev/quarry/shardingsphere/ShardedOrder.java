package dev.quarry.shardingsphere;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** An order sharded by {@code user_id % 2}; its id is assigned by the application, unique across shards. */
@Entity
@Table(name = "t_order")
public class ShardedOrder {
  @Id Long orderId;
  long userId;
  String status;
  int amount;

  public ShardedOrder() {}

  public ShardedOrder(long orderId, long userId, String status, int amount) {
    this.orderId = orderId;
    this.userId = userId;
    this.status = status;
    this.amount = amount;
  }

  public Long getOrderId() {
    return orderId;
  }

  public long getUserId() {
    return userId;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public int getAmount() {
    return amount;
  }
}
