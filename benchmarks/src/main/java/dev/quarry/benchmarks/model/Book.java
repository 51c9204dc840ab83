package dev.quarry.benchmarks.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** A book of the graph scenarios (Quarry mapping; the author is a plain key column for now). */
@Entity
@Table(name = "book")
public class Book {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false) private long authorId;
  @Column(nullable = false, length = 128) private String title;
  private int pages;

  public Book() {}

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public long getAuthorId() {
    return authorId;
  }

  public void setAuthorId(long authorId) {
    this.authorId = authorId;
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
