package dev.quarry.it.types;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Json;
import dev.quarry.annotation.Table;
import java.util.List;
import java.util.Map;

/** SQLAlchemy's JSON example {@code User(preferences={'theme': 'dark', 'lang': 'fa'})}, plus JSON records, lists and a POJO. */
@Entity
@Table(name = "type_users")
public class User {
  @Id @GeneratedValue private Long id;
  @Column(length = 80) private String name;
  // tour:json
  @Json private Map<String, Object> preferences;
  @Json private Address address;
  @Json private List<Label> labels;
  @Json private Settings settings;
  // end

  public User() {}

  public User(String name, Map<String, Object> preferences) {
    this.name = name;
    this.preferences = preferences;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Map<String, Object> getPreferences() {
    return preferences;
  }

  public void setPreferences(Map<String, Object> preferences) {
    this.preferences = preferences;
  }

  public Address getAddress() {
    return address;
  }

  public void setAddress(Address address) {
    this.address = address;
  }

  public List<Label> getLabels() {
    return labels;
  }

  public void setLabels(List<Label> labels) {
    this.labels = labels;
  }

  public Settings getSettings() {
    return settings;
  }

  public void setSettings(Settings settings) {
    this.settings = settings;
  }
}
