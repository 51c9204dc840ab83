package dev.quarry.it.shard;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.GenerationType;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;
import java.util.UUID;

/** A temperature report of a location: stored in its location's shard. */
@Entity
@Table(name = "shard_reports")
public class Report {
  @Id @GeneratedValue(strategy = GenerationType.UUID) UUID id;
  double temperature;
  @ManyToOne WeatherLocation location;

  public Report() {}

  public Report(double temperature) {
    this.temperature = temperature;
  }

  public double getTemperature() {
    return temperature;
  }

  public WeatherLocation getLocation() {
    return location;
  }
}
