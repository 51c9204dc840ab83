package dev.quarry.it.inherit;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;

/** A one-to-many to the base class: members are Persons, Employees, Customers and Managers. */
@Entity
@Table(name = "inh_department")
public class Department {
  @Id @GeneratedValue Long id;
  String title;
  @OneToMany(mappedBy = "department", orderBy = "id")
  private List<Person> members = new ArrayList<>();
  /** The same foreign key seen from a subclass: only Employees (and Managers). */
  @OneToMany(mappedBy = "department", orderBy = "id")
  private List<Employee> staff = new ArrayList<>();

  public Department() {}

  public Department(String title) {
    this.title = title;
  }

  public Long getId() {
    return id;
  }

  public List<Person> getMembers() {
    return members;
  }

  public void setMembers(List<Person> members) {
    this.members = members;
  }

  public List<Employee> getStaff() {
    return staff;
  }

  public void setStaff(List<Employee> staff) {
    this.staff = staff;
  }
}
