package dev.quarry.it.inherit;

import dev.quarry.annotation.DiscriminatorValue;
import dev.quarry.annotation.Entity;

/** SQLAlchemy's inheritance example: Customer(Person), identity 'customer'. */
@Entity
@DiscriminatorValue("customer")
public class Customer extends Person {
  String email;

  public Customer() {}

  public Customer(String name, String email) {
    super(name);
    this.email = email;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
