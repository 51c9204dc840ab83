package dev.quarry.sample.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.ForeignKeyAction;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinColumn;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;

/** One line of an order: a product, a quantity and the unit price at the time of the order. */
@Entity
@Table(name = "order_items")
public class OrderItem {
  @Id @GeneratedValue private Long id;
  @ManyToOne @JoinColumn(name = "order_id", nullable = false, onDelete = ForeignKeyAction.CASCADE) private Order order;
  @ManyToOne @JoinColumn(name = "product_id", nullable = false) private Product product;
  @Column(nullable = false) private Integer quantity;
  @Column(nullable = false) private Long unitPriceCents;

  public OrderItem() {}

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Order getOrder() {
    return order;
  }

  public void setOrder(Order order) {
    this.order = order;
  }

  public Product getProduct() {
    return product;
  }

  public void setProduct(Product product) {
    this.product = product;
  }

  public Integer getQuantity() {
    return quantity;
  }

  public void setQuantity(Integer quantity) {
    this.quantity = quantity;
  }

  public Long getUnitPriceCents() {
    return unitPriceCents;
  }

  public void setUnitPriceCents(Long unitPriceCents) {
    this.unitPriceCents = unitPriceCents;
  }
}
