package dev.quarry.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The 10-column item for Hibernate (table item); the columns are in {@link HItemColumns}. */
@Entity
@Table(name = "item")
public class HItem extends HItemColumns {
  public HItem() {}
}
