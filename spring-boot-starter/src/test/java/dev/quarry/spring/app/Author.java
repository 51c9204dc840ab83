package dev.quarry.spring.app;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** An entity of the test application. */
@Entity
@Table(name = "boot_authors")
public class Author {
  @Id @GeneratedValue public Long id;
  @Column(nullable = false, unique = true, length = 80) public String name;

  public Author() {}

  public Author(String name) {
    this.name = name;
  }
}
