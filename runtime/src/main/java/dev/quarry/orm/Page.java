package dev.quarry.orm;

import java.util.List;

/**
 * One page of a query's results with the total number of matching rows.
 *
 * @param items the rows of this page
 * @param page page number, from 1
 * @param size page size asked for
 * @param total rows matching the query over all pages
 */
public record Page<E>(List<E> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(items);
  }

  /** Number of pages (0 when there are no rows). */
  public int totalPages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }

  public boolean hasNext() {
    return page < totalPages();
  }

  public boolean hasPrevious() {
    return page > 1;
  }
}
