package dev.quarry.it.inherit;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Inheritance;
import dev.quarry.annotation.Table;

/** An abstract root: no Vehicle rows, only Cars and Trucks; default discriminator column "dtype". */
@Entity
@Table(name = "inh_vehicle")
@Inheritance
public abstract class Vehicle {
  @Id @GeneratedValue Long id;
  String plate;

  protected Vehicle() {}

  protected Vehicle(String plate) {
    this.plate = plate;
  }

  public Long getId() {
    return id;
  }

  public String getPlate() {
    return plate;
  }

  public void setPlate(String plate) {
    this.plate = plate;
  }
}
