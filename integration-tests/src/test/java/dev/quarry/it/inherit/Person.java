package dev.quarry.it.inherit;

import dev.quarry.annotation.DiscriminatorColumn;
import dev.quarry.annotation.DiscriminatorValue;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Inheritance;
import dev.quarry.annotation.InheritanceType;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;
import dev.quarry.annotation.Version;

/** The base class of SQLAlchemy's inheritance example: Person(id, name, type) with polymorphic_on = type, identity 'person'. */
// tour:inheritance-root
@Entity
@Table(name = "inh_person")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "type", length = 20)
@DiscriminatorValue("person")
public class Person {
  @Id @GeneratedValue Long id;
  String name;
  @Version Integer version;
  @ManyToOne private Department department;
// end

  public Person() {}

  public Person(String name) {
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getVersion() {
    return version;
  }

  public Department getDepartment() {
    return department;
  }

  public void setDepartment(Department department) {
    this.department = department;
  }
}
