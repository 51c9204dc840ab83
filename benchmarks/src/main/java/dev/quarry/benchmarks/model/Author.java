package dev.quarry.benchmarks.model;

import dev.quarry.annotation.Column;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/**
 * An author of the graph scenarios (Quarry mapping). Its books are loaded by hand until the
 * relationship loaders (JOINED / SELECTIN / LAZY collections) land; see BENCHMARKS.md.
 */
@Entity
@Table(name = "author")
public class Author {
  @Id @GeneratedValue private Long id;
  @Column(nullable = false, length = 64) private String name;

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
}
