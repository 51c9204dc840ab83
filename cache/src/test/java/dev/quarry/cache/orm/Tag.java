package dev.quarry.cache.orm;

import dev.quarry.annotation.Cached;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.ManyToMany;
import dev.quarry.annotation.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** A cached entity on the inverse side of a cached many-to-many. */
@Entity
@Table(name = "l2_tags")
@Cached("rows")
public class Tag {
  @Id @GeneratedValue Long id;
  String label;
  @ManyToMany(mappedBy = "tags")
  @Cached("collections")
  Set<Book> books = new LinkedHashSet<>();

  public Tag() {}

  public Tag(String label) {
    this.label = label;
  }

  public Long getId() {
    return id;
  }

  public String getLabel() {
    return label;
  }

  public Set<Book> getBooks() {
    return books;
  }
}
