package dev.quarry.it.inherit;

import dev.quarry.annotation.DiscriminatorValue;
import dev.quarry.annotation.Entity;

/** Another concrete Vehicle. */
@Entity
@DiscriminatorValue("truck")
public class Truck extends Vehicle {
  Long payload;

  public Truck() {}

  public Truck(String plate, long payload) {
    super(plate);
    this.payload = payload;
  }

  public Long getPayload() {
    return payload;
  }
}
