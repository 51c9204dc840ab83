package dev.quarry.junit;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** A test entity. */
@Entity
@Table(name = "junit_authors")
public class Author {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, unique = true, length = 80) private String name;

  public Author() {}

  public Author(String name) {
    this.name = name;
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
}
