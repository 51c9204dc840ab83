package dev.quarry.spring.app;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** A second entity of the test application. */
@Entity
@Table(name = "boot_books")
public class Book {
  @Id @GeneratedValue public Long id;
  @Column(nullable = false, length = 120) public String title;

  public Book() {}

  public Book(String title) {
    this.title = title;
  }
}
