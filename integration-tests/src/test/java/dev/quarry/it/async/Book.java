package dev.quarry.it.async;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;

/** A book: a lazy many-to-one to its writer. */
@Entity
@Table(name = "async_books")
public class Book {
  @Id @GeneratedValue Long id;
  String title;
  @ManyToOne private Writer writer;

  public Book() {}

  public Book(String title) {
    this.title = title;
  }

  public String getTitle() {
    return title;
  }

  public Writer getWriter() {
    return writer;
  }

  public void setWriter(Writer writer) {
    this.writer = writer;
  }
}
