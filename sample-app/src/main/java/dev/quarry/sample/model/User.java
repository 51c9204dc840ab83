package dev.quarry.sample.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.FetchType;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinTable;
import dev.quarry.annotation.ManyToMany;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.OneToOne;
import dev.quarry.annotation.Table;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A shop user: orders (one-to-many, DYNAMIC: a user can have many, so they are only ever queried
 * page by page), profile (inverse one-to-one) and roles (many-to-many through {@code user_roles}).
 */
@Entity
@Table(name = "users")
public class User {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, unique = true, length = 120) private String email;
  @Column(nullable = false, length = 80) private String name;
  @OneToMany(mappedBy = "user", fetch = FetchType.DYNAMIC) private List<Order> orders;
  @OneToOne(mappedBy = "user") private Profile profile;
  @ManyToMany(orderBy = "name")
  @JoinTable(name = "user_roles", joinColumn = "user_id", inverseJoinColumn = "role_id")
  private Set<Role> roles = new LinkedHashSet<>();

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

  public Set<Role> getRoles() {
    return roles;
  }

  public void setRoles(Set<Role> roles) {
    this.roles = roles;
  }
}
