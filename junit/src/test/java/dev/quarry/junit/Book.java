package dev.quarry.junit;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** A test entity with a plain foreign-key column to {@link Author}. */
@Entity
@Table(name = "junit_books")
public class Book {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, length = 80) private String title;
  @Column(nullable = false) private Long authorId;

  public Book() {}

  public Book(String title, Long authorId) {
    this.title = title;
    this.authorId = authorId;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Long getAuthorId() {
    return authorId;
  }

  public void setAuthorId(Long authorId) {
    this.authorId = authorId;
  }
}
