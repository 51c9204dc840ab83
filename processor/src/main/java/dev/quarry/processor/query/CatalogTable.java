package dev.quarry.processor.query;

import java.util.List;

/**
 * A table or view a query may name.
 *
 * @param name the table name as the database has it (unquoted; {@code schema.table} when qualified)
 * @param columns its columns in declaration order
 */
public record CatalogTable(String name, List<CatalogColumn> columns) {
  public CatalogTable {
    columns = List.copyOf(columns);
  }
}
