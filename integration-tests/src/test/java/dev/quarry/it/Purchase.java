package dev.quarry.it;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.ManyToOne;
import java.math.BigDecimal;

/** A foreign key through a lazy many-to-one (read back as an unloaded reference carrying the key). */
@Entity
public class Purchase {
  @Id @GeneratedValue Long id;
  BigDecimal total;
  @ManyToOne private Customer customer;

  public Customer getCustomer() {
    return customer;
  }

  public void setCustomer(Customer customer) {
    this.customer = customer;
  }
}
