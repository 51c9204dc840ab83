package dev.quarry.benchmarks.ebean;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The 10-column item for Ebean (table item); the columns are in {@link EItemColumns}. */
@Entity
@Table(name = "item")
public class EItem extends EItemColumns {
  public EItem() {}
}
