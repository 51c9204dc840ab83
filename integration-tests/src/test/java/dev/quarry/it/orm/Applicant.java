package dev.quarry.it.orm;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;
import dev.quarry.annotation.Validates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One validator for a String and an Integer property, told which property each value is for. */
@Entity
@Table(name = "orm_applicants")
public class Applicant {
  @Id @GeneratedValue Long id;
  String email;
  Integer age;
  /** The properties the validator was called for, in order (not persisted). */
  final transient List<String> validated = new ArrayList<>();

  public Applicant() {}

  public Applicant(String email, Integer age) {
    this.email = email;
    this.age = age;
  }

  @Validates({"email", "age"})
  Object validate(String property, Object value) {
    validated.add(property);
    if (property.equals("email")) {
      String email = ((String) value).trim().toLowerCase(Locale.ROOT);
      if (!email.contains("@")) {
        throw new IllegalArgumentException("not an e-mail address");
      }
      return email;
    }
    if (value == null || (Integer) value < 0) {
      throw new IllegalArgumentException(property + " must be 0 or more");
    }
    return Math.min((Integer) value, 150);
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public Integer getAge() {
    return age;
  }

  public void setAge(Integer age) {
    this.age = age;
  }
}
