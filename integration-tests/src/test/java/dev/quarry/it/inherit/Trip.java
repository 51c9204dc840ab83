package dev.quarry.it.inherit;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;

/** A many-to-one to an abstract base class. */
@Entity
@Table(name = "inh_trip")
public class Trip {
  @Id @GeneratedValue Long id;
  String destination;
  @ManyToOne private Vehicle vehicle;

  public Trip() {}

  public Trip(String destination, Vehicle vehicle) {
    this.destination = destination;
    this.vehicle = vehicle;
  }

  public Long getId() {
    return id;
  }

  public Vehicle getVehicle() {
    return vehicle;
  }

  public void setVehicle(Vehicle vehicle) {
    this.vehicle = vehicle;
  }
}
