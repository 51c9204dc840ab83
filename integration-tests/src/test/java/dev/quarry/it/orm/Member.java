package dev.quarry.it.orm;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** A session test entity with accessors, so loaded instances are intercepting subclasses. */
@Entity
@Table(name = "orm_members")
public class Member {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, length = 80) private String name;
  @Column(unique = true, length = 120) private String email;
  private Integer age;

  public Member() {}

  public Member(String name, String email, Integer age) {
    this.name = name;
    this.email = email;
    this.age = age;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
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
