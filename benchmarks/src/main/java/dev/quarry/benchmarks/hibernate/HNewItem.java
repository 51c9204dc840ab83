package dev.quarry.benchmarks.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The insert table for Hibernate (table item_new); the columns are in {@link HItemColumns}. */
@Entity
@Table(name = "item_new")
public class HNewItem extends HItemColumns {
  public HNewItem() {}
}
