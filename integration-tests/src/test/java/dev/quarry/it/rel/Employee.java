package dev.quarry.it.rel;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.ForeignKeyAction;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinColumn;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;

/** Self-referential: an employee's manager and reports. */
@Entity
@Table(name = "rel_employees")
public class Employee {
  @Id @GeneratedValue Long id;
  String name;
  @ManyToOne @JoinColumn(name = "manager_id", onDelete = ForeignKeyAction.SET_NULL)
  private Employee manager;
  @OneToMany(mappedBy = "manager", orderBy = "name")
  private List<Employee> reports = new ArrayList<>();

  public Employee() {}

  public Employee(String name) {
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Employee getManager() {
    return manager;
  }

  public void setManager(Employee manager) {
    this.manager = manager;
  }

  public List<Employee> getReports() {
    return reports;
  }

  public void setReports(List<Employee> reports) {
    this.reports = reports;
  }
}
