package dev.quarry.it.inherit;

import dev.quarry.annotation.Entity;

/** A second level: a Manager is an Employee; its discriminator value defaults to the entity name. */
@Entity
public class Manager extends Employee {
  String level;

  public Manager() {}

  public Manager(String name, double salary, String level) {
    super(name, salary);
    this.level = level;
  }

  public String getLevel() {
    return level;
  }

  public void setLevel(String level) {
    this.level = level;
  }
}
