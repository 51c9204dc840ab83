package dev.quarry.benchmarks.model;

import dev.quarry.annotation.Entity;
import dev.quarry.annotation.Table;

/** The same 10 columns in the table the insert scenarios write to (Quarry mapping). */
@Entity
@Table(name = "item_new")
public class NewItem extends ItemColumns {
  public NewItem() {}
}
