package dev.quarry.it.mapping;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;

/** An entity with the timestamp mixin. */
@Entity
public class Author extends TimestampMixin {
  @Id @GeneratedValue Long id;
  String name;
}
