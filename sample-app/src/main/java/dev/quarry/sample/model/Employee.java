package dev.quarry.sample.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinColumn;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;

/** Shop staff; a self-referencing many-to-one to the manager (null for the top). */
@Entity
@Table(name = "employees")
public class Employee {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, length = 80) private String name;
  @Column(nullable = false, length = 80) private String title;
  @ManyToOne @JoinColumn(name = "manager_id") private Employee manager;

  public Employee() {}

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

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Employee getManager() {
    return manager;
  }

  public void setManager(Employee manager) {
    this.manager = manager;
  }
}
