package dev.quarry.sample.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** A role users can have (admin, customer, ...). */
@Entity
@Table(name = "roles")
public class Role {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, unique = true, length = 40) private String name;

  public Role() {}

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
}
