package dev.quarry.it.projection;

import dev.quarry.annotation.Enumerated;
import dev.quarry.annotation.EnumType;
import dev.quarry.annotation.Projection;
import java.time.LocalDate;

/** The records the tests read rows into. */
final class Rows {
  private Rows() {}

  /** Every column, boxed where it may be NULL. */
  @Projection
  record TitleRow(long id, String name, Integer pages, Genre genre, LocalDate published) {}

  /** {@code bookName} takes a column labelled {@code book_name} (or {@code BOOK_NAME}). */
  @Projection
  record SnakeRow(long id, String bookName) {}

  /** No name matches: by position. */
  @Projection
  record PositionalRow(long key, String text) {}

  /** A primitive component cannot hold NULL. */
  @Projection
  record PrimitivePages(long id, int pages) {}

  /** {@code missing} matches no column. */
  @Projection
  record Missing(long id, String missing) {}

  /** An enum read from a column that does not hold one of its names. */
  @Projection
  record GenreOf(long id, Genre genre) {}

  /** An ordinal enum component: reads an integer column. */
  @Projection
  record Ordinal(long id, @Enumerated(EnumType.ORDINAL) Genre genre) {}
}
