package dev.quarry.orm;

import java.util.List;

/**
 * One slice of keyset ("seek") pagination: the rows after the previous slice's last key, and the
 * key to continue from (null when this was the last slice).
 *
 * @param items the rows, ordered by the key
 * @param nextAfter pass to the next call to continue after this slice; null at the end
 */
public record KeysetPage<E, K>(List<E> items, K nextAfter) {
  public KeysetPage {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return nextAfter != null;
  }
}
