package dev.quarry.cache.orm;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.Table;

/** An entity that is not cached (its queries may still be). */
@Entity
@Table(name = "l2_notes")
public class Note {
  @Id @GeneratedValue Long id;
  String text;

  public Note() {}

  public Note(String text) {
    this.text = text;
  }

  public String getText() {
    return text;
  }
}
