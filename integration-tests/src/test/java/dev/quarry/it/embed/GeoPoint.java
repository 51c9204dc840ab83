package dev.quarry.it.embed;

import dev.quarry.annotation.Embeddable;
import dev.quarry.annotation.Transient;

/** A mutable embeddable class reached through its accessors; mutating it in place is flushed. */
@Embeddable
public class GeoPoint {
  private Double lat;
  private Double lng;
  @Transient
  private String label;

  public GeoPoint() {}

  public GeoPoint(double lat, double lng) {
    this.lat = lat;
    this.lng = lng;
  }

  public Double getLat() {
    return lat;
  }

  public void setLat(Double lat) {
    this.lat = lat;
  }

  public Double getLng() {
    return lng;
  }

  public void setLng(Double lng) {
    this.lng = lng;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }
}
