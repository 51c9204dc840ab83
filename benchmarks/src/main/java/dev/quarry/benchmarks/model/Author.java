package dev.quarry.benchmarks.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;

/** An author of the graph scenarios (Quarry mapping): its books are a one-to-many ordered by id. */
@Entity
@Table(name = "author")
public class Author {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, length = 64) private String name;
  @OneToMany(mappedBy = "author", orderBy = "id") private List<Book> books = new ArrayList<>();

  public Author() {}

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

  public List<Book> getBooks() {
    return books;
  }

  public void setBooks(List<Book> books) {
    this.books = books;
  }
}
