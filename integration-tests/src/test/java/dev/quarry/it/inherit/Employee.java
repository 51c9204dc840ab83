package dev.quarry.it.inherit;

import dev.quarry.annotation.DiscriminatorValue;
import dev.quarry.annotation.Entity;

/** SQLAlchemy's inheritance example: Employee(Person), identity 'employee': adds a salary (nullable in the shared table). */
// tour:inheritance-sub
@Entity
@DiscriminatorValue("employee")
public class Employee extends Person {
  double salary;
// end

  public Employee() {}

  public Employee(String name, double salary) {
    super(name);
    this.salary = salary;
  }

  public double getSalary() {
    return salary;
  }

  public void setSalary(double salary) {
    this.salary = salary;
  }
}
