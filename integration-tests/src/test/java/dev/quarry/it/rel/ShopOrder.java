package dev.quarry.it.rel;

import dev.quarry.annotation.CascadeType;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;

/** An order: a lazy many-to-one to its shopper and a one-to-many of lines. */
@Entity
@Table(name = "rel_orders")
public class ShopOrder {
  @Id @GeneratedValue Long id;
  int total;
  @ManyToOne private Shopper shopper;
  @OneToMany(mappedBy = "order", orderBy = "id", cascade = CascadeType.ALL)
  private List<OrderLine> lines = new ArrayList<>();

  public ShopOrder() {}

  public ShopOrder(int total) {
    this.total = total;
  }

  public Long getId() {
    return id;
  }

  public int getTotal() {
    return total;
  }

  public void setTotal(int total) {
    this.total = total;
  }

  public Shopper getShopper() {
    return shopper;
  }

  public void setShopper(Shopper shopper) {
    this.shopper = shopper;
  }

  public List<OrderLine> getLines() {
    return lines;
  }

  public void setLines(List<OrderLine> lines) {
    this.lines = lines;
  }
}
