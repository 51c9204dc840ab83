package dev.quarry.spi;

import java.util.List;
import java.util.function.Function;

/**
 * Inheritance facts of one mapped class (single-table, or joined when {@link #joined()} is set), supplied by its generated mapping: every
 * mapping of a hierarchy lays out the same columns (the union of the hierarchy, the discriminator
 * included), so a row read for the base class can be read by the mapping its discriminator names.
 */
@Internal
public final class Polymorphism {
  private final Class<?> root;
  private final int discriminatorColumn;
  private final String value;
  private final List<String> values;
  private final Function<String, EntityMapping<?>> mappings;
  private final JoinedTables joined;
  private final int[] path;

  /**
   * @param root the hierarchy's root entity class (identity-map key type of every class in it)
   * @param discriminatorColumn index of the discriminator column in the mapping's table
   * @param value the discriminator value of this class; null for an abstract class (no rows of its own)
   * @param values this class's value and those of all its subclasses (the filter of a query of this class)
   * @param mappings the mapping of the class of a discriminator value, any class of the hierarchy; null if unknown
   */
  public Polymorphism(Class<?> root, int discriminatorColumn, String value, List<String> values,
      Function<String, EntityMapping<?>> mappings) {
    this(root, discriminatorColumn, value, values, mappings, null, new int[0]);
  }

  /**
   * A class of a joined-inheritance hierarchy.
   *
   * @param joined the hierarchy's stored tables; null for single-table inheritance
   * @param path the indexes of this class's stored tables in {@code joined}, root first
   */
  public Polymorphism(Class<?> root, int discriminatorColumn, String value, List<String> values,
      Function<String, EntityMapping<?>> mappings, JoinedTables joined, int[] path) {
    this.joined = joined;
    this.path = path.clone();
    this.root = root;
    this.discriminatorColumn = discriminatorColumn;
    this.value = value;
    this.values = List.copyOf(values);
    this.mappings = mappings;
  }

  /** The root entity class of the hierarchy. */
  public Class<?> root() {
    return root;
  }

  /** Index of the discriminator column. */
  public int discriminatorColumn() {
    return discriminatorColumn;
  }

  /** This class's discriminator value. */
  public String value() {
    return value;
  }

  /** This class's value and its subclasses' values. */
  public List<String> values() {
    return values;
  }

  /** Whether the class is the root (its queries need no discriminator filter). */
  public boolean isRoot(Class<?> type) {
    return type == root;
  }

  /** The stored tables of a joined-inheritance hierarchy; null for single-table inheritance. */
  public JoinedTables joined() {
    return joined;
  }

  /** The indexes of this class's stored tables in {@link #joined()}, root first (its INSERT order). */
  public int[] path() {
    return path.clone();
  }

  /** The mapping of the hierarchy class whose discriminator value is {@code value}, or null. */
  public EntityMapping<?> mappingFor(String value) {
    return value == null ? null : mappings.apply(value);
  }
}
