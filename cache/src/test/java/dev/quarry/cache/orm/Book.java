package dev.quarry.cache.orm;

import dev.quarry.annotation.Cached;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.JoinTable;
import dev.quarry.annotation.ManyToMany;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** A cached entity: a to-one reference and the owning side of a cached many-to-many. */
@Entity
@Table(name = "l2_books")
@Cached("rows")
public class Book {
  @Id @GeneratedValue Long id;
  String title;
  @ManyToOne Author author;
  @ManyToMany
  @JoinTable(name = "l2_book_tags", joinColumn = "book", inverseJoinColumn = "tag")
  @Cached("collections")
  Set<Tag> tags = new LinkedHashSet<>();

  public Book() {}

  public Book(String title, Author author) {
    this.title = title;
    this.author = author;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Author getAuthor() {
    return author;
  }

  public void setAuthor(Author author) {
    this.author = author;
  }

  public Set<Tag> getTags() {
    return tags;
  }
}
