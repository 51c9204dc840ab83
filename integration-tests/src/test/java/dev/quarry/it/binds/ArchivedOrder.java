package dev.quarry.it.binds;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** Bound to another database (the archive); refers to its customer by plain id, not a relationship. */
@Entity
@Table(name = "bind_orders")
public class ArchivedOrder {
  @Id @GeneratedValue Long id;
  Long customerId;
  int total;

  public ArchivedOrder() {}

  public ArchivedOrder(Long customerId, int total) {
    this.customerId = customerId;
    this.total = total;
  }

  public int getTotal() {
    return total;
  }

  public void setTotal(int total) {
    this.total = total;
  }
}
