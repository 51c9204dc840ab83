package dev.quarry.it.embed;

import dev.quarry.annotation.Embedded;
import dev.quarry.annotation.EmbeddedId;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Table;

/** An entity keyed by an embedded record: columns {@code carrier} and {@code number}. */
@Entity
@Table(name = "embed_shipments")
public class Shipment {
  @EmbeddedId
  ShipmentKey key;

  String status;

  @Embedded
  Address destination;

  public Shipment() {}

  public Shipment(ShipmentKey key, String status) {
    this.key = key;
    this.status = status;
  }

  public ShipmentKey getKey() {
    return key;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }
}
