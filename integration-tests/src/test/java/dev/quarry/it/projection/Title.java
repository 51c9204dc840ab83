package dev.quarry.it.projection;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;
import java.time.LocalDate;

/** The table the projection tests read from. */
@Entity
@Table(name = "proj_titles")
public class Title {
  @Id @GeneratedValue Long id;
  String name;
  Integer pages;
  Genre genre;
  LocalDate published;

  public Title() {}

  Title(String name, Integer pages, Genre genre, LocalDate published) {
    this.name = name;
    this.pages = pages;
    this.genre = genre;
    this.published = published;
  }
}
