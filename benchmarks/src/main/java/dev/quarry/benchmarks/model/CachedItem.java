package dev.quarry.benchmarks.model;

import dev.quarry.annotation.Cached;
import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Table;

/** {@link Item}'s columns in a table of their own, a second-level-cached entity (the cache benchmark copies rows into it). */
@Entity
@Table(name = "cached_item")
@Cached("items")
public class CachedItem extends ItemColumns {
  public CachedItem() {}
}
