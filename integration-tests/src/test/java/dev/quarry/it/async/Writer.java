package dev.quarry.it.async;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.Table;
import dev.quarry.annotation.CascadeType;
import java.util.ArrayList;
import java.util.List;

/** A writer with a unique name and a lazy one-to-many of books. */
@Entity
@Table(name = "async_writers")
public class Writer {
  @Id @GeneratedValue Long id;
  @Column(unique = true) String name;
  @OneToMany(mappedBy = "writer", orderBy = "title", cascade = CascadeType.ALL)
  private List<Book> books = new ArrayList<>();

  public Writer() {}

  public Writer(String name) {
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<Book> getBooks() {
    return books;
  }

  public void setBooks(List<Book> books) {
    this.books = books;
  }

  public Writer withBook(String title) {
    Book book = new Book(title);
    book.setWriter(this);
    books.add(book);
    return this;
  }
}
