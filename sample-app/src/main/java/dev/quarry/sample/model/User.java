package dev.quarry.sample.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.OneToOne;
import dev.quarry.annotation.Table;
import java.util.List;

/** A shop user. Orders point at it; its orders collection is declared for the relationship loader (issue 5). */
@Entity
@Table(name = "users")
public class User {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, unique = true, length = 120) private String email;
  @Column(nullable = false, length = 80) private String name;
  @OneToMany(mappedBy = "user") private List<Order> orders;
  @OneToOne(mappedBy = "user") private Profile profile;

  public User() {}

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<Order> getOrders() {
    return orders;
  }

  public void setOrders(List<Order> orders) {
    this.orders = orders;
  }

  public Profile getProfile() {
    return profile;
  }

  public void setProfile(Profile profile) {
    this.profile = profile;
  }
}
