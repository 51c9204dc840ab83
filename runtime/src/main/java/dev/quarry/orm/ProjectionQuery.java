package dev.quarry.orm;

import dev.quarry.sql.Select;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link TupleQuery}'s rows as records: {@code session.select(b.id, b.title).where(...).into(BookRow.class)}.
 * Each row is read by the record's generated reader (by column index, through its canonical
 * constructor); components take the columns by label, ignoring case and underscores, or by position
 * (the rule is on {@link dev.quarry.annotation.Projection}). Records are values: the session does not
 * track them. Immutable.
 *
 * @param <R> the record class
 */
public interface ProjectionQuery<R> {
  /**
   * All rows. The columns are matched before the first row, so a mismatch fails even when there are none.
   *
   * @throws dev.quarry.engine.ProjectionException when a component matches no column, a primitive
   *     component's column is NULL, or a value cannot be converted
   */
  List<R> list();

  /** The first row, or null. */
  R first();

  /** The only row; {@link dev.quarry.engine.NoResultException} or {@link dev.quarry.engine.NonUniqueResultException} otherwise. */
  R one();

  /** Rows read as they are consumed (a mismatch fails on the first row); close the stream. */
  Stream<R> stream();

  /**
   * Keeps the records {@link #list()} returns in the query-cache region {@code region} (see
   * {@link EntityQuery#cached}). The records themselves are cached and handed to every session that
   * runs the query: they should be immutable values.
   */
  ProjectionQuery<R> cached(String region);

  /** The SELECT this query runs. */
  Select statement();
}
