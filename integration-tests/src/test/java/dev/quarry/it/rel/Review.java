package dev.quarry.it.rel;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.FetchType;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;
import dev.quarry.annotation.ManyToOne;
import dev.quarry.annotation.Table;

/** One-sided references (Shopper declares nothing back): a SELECTIN default and a RAISE default. */
@Entity
@Table(name = "rel_reviews")
public class Review {
  @Id @GeneratedValue Long id;
  String text;
  @ManyToOne(fetch = FetchType.SELECTIN) private Shopper author;
  @ManyToOne(fetch = FetchType.RAISE) private Shopper editor;

  public Review() {}

  public Review(String text, Shopper author, Shopper editor) {
    this.text = text;
    this.author = author;
    this.editor = editor;
  }

  public String getText() {
    return text;
  }

  public Shopper getAuthor() {
    return author;
  }

  public void setAuthor(Shopper author) {
    this.author = author;
  }

  public Shopper getEditor() {
    return editor;
  }

  public void setEditor(Shopper editor) {
    this.editor = editor;
  }
}
