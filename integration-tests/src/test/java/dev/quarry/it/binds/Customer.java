package dev.quarry.it.binds;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** Lives in the factory's database. */
@Entity
@Table(name = "bind_customers")
public class Customer {
  @Id @GeneratedValue Long id;
  String name;

  public Customer() {}

  public Customer(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }
}
