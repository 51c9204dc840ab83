package dev.quarry.benchmarks.ebean;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** An author for Ebean, with a lazy one-to-many collection of books ordered by id. */
@Entity
@Table(name = "author")
public class EAuthor {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  private String name;

  @OneToMany(mappedBy = "author")
  @OrderBy("id")
  private List<EBook> books = new ArrayList<>();

  public EAuthor() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public List<EBook> getBooks() {
    return books;
  }
}
