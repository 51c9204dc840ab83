package dev.quarry.it.inherit;

import dev.quarry.annotation.DiscriminatorValue;
import dev.quarry.annotation.Entity;

/** A concrete Vehicle. */
@Entity
@DiscriminatorValue("car")
public class Car extends Vehicle {
  int seats;

  public Car() {}

  public Car(String plate, int seats) {
    super(plate);
    this.seats = seats;
  }

  public int getSeats() {
    return seats;
  }

  public void setSeats(int seats) {
    this.seats = seats;
  }
}
