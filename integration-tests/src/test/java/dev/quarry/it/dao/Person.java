package dev.quarry.it.dao;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** A person, queried through the generated {@link PersonQueries_Impl}. */
@Entity
@Table(name = "dao_people")
public class Person {
  @Id
  public Long id;
  public String name;
  public int age;
  public boolean active;

  public Person() {}

  Person(long id, String name, int age, boolean active) {
    this.id = id;
    this.name = name;
    this.age = age;
    this.active = active;
  }
}
