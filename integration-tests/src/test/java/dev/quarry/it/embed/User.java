package dev.quarry.it.embed;

import dev.quarry.annotation.Computed;
import dev.quarry.annotation.Embedded;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.GenerationType;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;
import dev.quarry.sql.StringExpression;

/** The user of SQLAlchemy's hybrid property example: first and last name, the hybrid full name, and embedded addresses and a location. */
@Entity
@Table(name = "embed_users")
public class User {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String firstName;
  String lastName;

  // tour:embedded
  @Embedded(prefix = "home_")
  Address home;

  /** No annotation: an @Embeddable type is embedded with the default prefix {@code work_}. */
  Address work;
  // end

  @Embedded
  private GeoPoint location;

  public User() {}

  public User(String firstName, String lastName) {
    this.firstName = firstName;
    this.lastName = lastName;
  }

  // tour:computed
  /** Computed in Java from the two names; not a column. */
  @Computed
  public String getFullName() {
    return firstName + " " + lastName;
  }

  /** The same value in SQL, on any {@code QUser} (the table or an alias). */
  static StringExpression fullName(QUser u) {
    return u.firstName.concat(" ").concat(u.lastName);
  }
  // end

  public GeoPoint getLocation() {
    return location;
  }

  public void setLocation(GeoPoint location) {
    this.location = location;
  }
}
