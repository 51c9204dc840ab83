package dev.quarry.it.mapping;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.GeneratedValue;
import dev.quarry.annotation.Id;

/** An entity with two mixin levels. */
@Entity
public class Article extends AuditedMixin {
  @Id @GeneratedValue Long id;
  String title;
}
