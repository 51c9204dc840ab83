package dev.quarry.it.rel;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinColumn;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;

/** A line of an order (third level for nested loading). */
@Entity
@Table(name = "rel_lines")
public class OrderLine {
  @Id @GeneratedValue Long id;
  String sku;
  @ManyToOne(optional = false) @JoinColumn(name = "order_ref")
  private ShopOrder order;

  public OrderLine() {}

  public OrderLine(String sku) {
    this.sku = sku;
  }

  public String getSku() {
    return sku;
  }

  public ShopOrder getOrder() {
    return order;
  }

  public void setOrder(ShopOrder order) {
    this.order = order;
  }
}
