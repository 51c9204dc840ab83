package dev.quarry.benchmarks.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;

/** A book of the graph scenarios (Quarry mapping): its author is a many-to-one over {@code author_id}. */
@Entity
@Table(name = "book")
public class Book {
  @Id @GeneratedValue private Long id;
  @ManyToOne(optional = false) private Author author;
  @Column(nullable = false, length = 128) private String title;
  private int pages;

  public Book() {}

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Author getAuthor() {
    return author;
  }

  public void setAuthor(Author author) {
    this.author = author;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public int getPages() {
    return pages;
  }

  public void setPages(int pages) {
    this.pages = pages;
  }
}
