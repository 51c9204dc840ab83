package dev.quarry.it.rel;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinColumn;
import dev.quarry.annotation.OneToOne;
import dev.quarry.annotation.Table;

/** The owning side of a one-to-one: a unique foreign key. */
@Entity
@Table(name = "rel_passports")
public class Passport {
  @Id @GeneratedValue Long id;
  String number;
  @OneToOne @JoinColumn(name = "holder_id")
  private Person holder;

  public Passport() {}

  public Passport(String number) {
    this.number = number;
  }

  public String getNumber() {
    return number;
  }

  public Person getHolder() {
    return holder;
  }

  public void setHolder(Person holder) {
    this.holder = holder;
  }
}
