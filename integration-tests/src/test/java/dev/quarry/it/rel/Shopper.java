package dev.quarry.it.rel;

import dev.quarry.annotation.CascadeType;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;

/** A shopper with a lazy, ordered one-to-many of orders (cascade delete and delete-orphan). */
@Entity
@Table(name = "rel_shoppers")
public class Shopper {
  @Id @GeneratedValue Long id;
  String name;
  @OneToMany(mappedBy = "shopper", orderBy = "id", cascade = CascadeType.ALL)
  private List<ShopOrder> orders = new ArrayList<>();

  public Shopper() {}

  public Shopper(String name) {
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<ShopOrder> getOrders() {
    return orders;
  }

  public void setOrders(List<ShopOrder> orders) {
    this.orders = orders;
  }
}
