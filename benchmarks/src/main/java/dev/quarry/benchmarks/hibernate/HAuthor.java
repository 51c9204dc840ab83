package dev.quarry.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** An author for Hibernate, with a lazy one-to-many collection of books (the JPA default). */
@Entity
@Table(name = "author")
public class HAuthor {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
  private String name;

  @OneToMany(mappedBy = "author")
  @OrderBy("id")
  private List<HBook> books = new ArrayList<>();

  public HAuthor() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public List<HBook> getBooks() {
    return books;
  }
}
