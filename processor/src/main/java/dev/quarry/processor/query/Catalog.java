package dev.quarry.processor.query;

import java.util.List;
import java.util.Optional;

/**
 * The tables a query is checked against: the entities of this compilation, entities shipped in
 * other jars, and tables declared for the checker.
 */
public interface Catalog {
  /** The table named {@code name}; plain names match ignoring case, as the databases fold them. */
  Optional<CatalogTable> table(String name);

  /** Every known table name, for "did you mean" suggestions. */
  List<String> tableNames();
}
