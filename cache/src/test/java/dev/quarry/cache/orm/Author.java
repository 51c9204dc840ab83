package dev.quarry.cache.orm;

import dev.quarry.annotation.Cached;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.OneToMany;
import dev.quarry.annotation.Table;
import java.util.ArrayList;
import java.util.List;

/** A cached entity with a cached one-to-many collection. */
@Entity
@Table(name = "l2_authors")
@Cached("rows")
public class Author {
  @Id @GeneratedValue Long id;
  String name;
  @OneToMany(mappedBy = "author", orderBy = "title")
  @Cached("collections")
  List<Book> books = new ArrayList<>();

  public Author() {}

  public Author(String name) {
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
}
