package dev.quarry.it.rel;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.OneToOne;
import dev.quarry.annotation.Table;

/** The inverse side of a one-to-one (SQLAlchemy's uselist=False). */
@Entity
@Table(name = "rel_people")
public class Person {
  @Id @GeneratedValue Long id;
  String name;
  @OneToOne(mappedBy = "holder")
  private Passport passport;

  public Person() {}

  public Person(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public Passport getPassport() {
    return passport;
  }

  public void setPassport(Passport passport) {
    this.passport = passport;
  }
}
