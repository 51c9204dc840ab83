package dev.quarry.benchmarks.ebean;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The insert table for Ebean (table item_new); the columns are in {@link EItemColumns}. */
@Entity
@Table(name = "item_new")
public class ENewItem extends EItemColumns {
  public ENewItem() {}
}
