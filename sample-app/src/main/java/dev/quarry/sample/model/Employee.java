package dev.quarry.sample.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinColumn;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Shop staff: a self-referencing many-to-one to the manager (null for the top) and its inverse,
 * the direct reports. Both LAZY by default; the detail endpoint asks for JOINED / SELECTIN.
 */
@Entity
@Table(name = "employees")
public class Employee {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, length = 80) private String name;
  @Column(nullable = false, length = 80) private String title;
  @ManyToOne @JoinColumn(name = "manager_id") private Employee manager;
  @OneToMany(mappedBy = "manager", orderBy = "name") private List<Employee> subordinates = new ArrayList<>();

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

  public List<Employee> getSubordinates() {
    return subordinates;
  }

  public void setSubordinates(List<Employee> subordinates) {
    this.subordinates = subordinates;
  }
}
