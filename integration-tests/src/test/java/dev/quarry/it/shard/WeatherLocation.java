package dev.quarry.it.shard;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.GenerationType;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQLAlchemy's sharding example: locations sharded by continent, UUID ids that never collide. */
@Entity
@Table(name = "shard_locations")
public class WeatherLocation {
  @Id @GeneratedValue(strategy = GenerationType.UUID) UUID id;
  String continent;
  String city;
  @OneToMany(mappedBy = "location", orderBy = "temperature")
  List<Report> reports = new ArrayList<>();

  public WeatherLocation() {}

  public WeatherLocation(String continent, String city) {
    this.continent = continent;
    this.city = city;
  }

  public UUID getId() {
    return id;
  }

  public String getContinent() {
    return continent;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public List<Report> getReports() {
    return reports;
  }

  public void addReport(Report r) {
    r.location = this;
    reports.add(r);
  }
}
