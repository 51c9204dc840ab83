package dev.quarry.benchmarks.model;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Table;

/** The 10-column entity of the read and update scenarios (Quarry mapping, compiled by the processor). */
@Entity
@Table(name = "item")
public class Item extends ItemColumns {
  public Item() {}
}
