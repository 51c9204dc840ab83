package dev.quarry.benchmarks.contenders;

import dev.quarry.benchmarks.BenchDatabase;
import dev.quarry.benchmarks.model.AuthorRow;
import dev.quarry.benchmarks.model.BookRow;
import dev.quarry.benchmarks.model.ItemRow;
import java.util.ArrayList;
import java.util.List;

/** Test data and checksums shared by the contenders. */
public final class Rows {
  private Rows() {}

  /** {@code n} new items numbered from {@code seq}, with the values {@link BenchDatabase#bindItem} binds. */
  public static List<ItemRow> newItems(int n, int seq) {
    List<ItemRow> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(newItem(seq + i));
    }
    return rows;
  }

  public static ItemRow newItem(int i) {
    return new ItemRow(null, "name " + i, "user" + i + "@example.org", 18 + i % 60, i * 0.5, i % 3 != 0,
        BenchDatabase.createdAt(i), BenchDatabase.amount(i), "category " + i % 20, 0);
  }

  /** Checksum of a graph: every author id, book id and page count, so every row must have been read. */
  public static long checksum(List<AuthorRow> authors) {
    long sum = 0;
    for (AuthorRow a : authors) {
      sum += a.getId() * 31;
      for (BookRow b : a.getBooks()) {
        sum += b.id() * 7 + b.pages();
      }
    }
    return sum;
  }

  /** One author's and one book's share of {@link #checksum}. */
  public static long author(long id) {
    return id * 31;
  }

  public static long book(long id, int pages) {
    return id * 7 + pages;
  }
}
