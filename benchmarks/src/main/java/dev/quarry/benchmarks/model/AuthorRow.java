package dev.quarry.benchmarks.model;

import java.util.ArrayList;
import java.util.List;

/** An author with its books as a plain object graph (JDBC, jOOQ, MyBatis, and Quarry until loaders land). */
public final class AuthorRow {
  private long id;
  private String name;
  private List<BookRow> books = new ArrayList<>();

  public AuthorRow() {}

  public AuthorRow(long id, String name) {
    this.id = id;
    this.name = name;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<BookRow> getBooks() {
    return books;
  }

  public void setBooks(List<BookRow> books) {
    this.books = books;
  }
}
