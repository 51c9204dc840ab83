package dev.quarry.engine;

import dev.quarry.types.SqlType;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outcome of executing a statement: a forward-only cursor over its rows (or over the generated
 * keys of an INSERT), and the number of rows affected. Reading the last row closes the cursor;
 * close a result you do not read to the end (try-with-resources). Closing its connection closes it.
 * Not thread-safe.
 */
public interface Result extends AutoCloseable, Iterable<Row> {
  /** The result columns (declared by the statement or taken from the driver's metadata); empty without rows. */
  List<ResultColumn> columns();

  /** Whether the statement produced rows (a query, RETURNING, or requested generated keys). */
  boolean returnsRows();

  /** Rows affected by an INSERT, UPDATE or DELETE; -1 for queries. */
  long rowCount();

  /** The next row, or null when there is none. */
  Row fetchOne();

  /** Up to {@code n} next rows; fewer at the end, empty when exhausted. */
  List<Row> fetchMany(int n);

  /** All remaining rows; closes the cursor. */
  List<Row> fetchAll();

  /** The first column of the first row (null if there is no row); closes the cursor. */
  Object scalar();

  /** The first column of the first row converted to {@code type}; null if there is no row. */
  <T> T scalar(SqlType<T> type);

  /** The first row, or null; discards the rest and closes the cursor. */
  Row first();

  /**
   * Exactly one row; closes the cursor.
   *
   * @throws NoResultException when there is no row
   * @throws NonUniqueResultException when there are several
   */
  Row one();

  /**
   * One row or null; closes the cursor.
   *
   * @throws NonUniqueResultException when there are several
   */
  Row oneOrNull();

  /** All remaining rows mapped by {@code mapper}; closes the cursor. */
  <T> List<T> map(RowMapper<T> mapper);

  /**
   * All remaining rows read by {@code reader} directly from the JDBC cursor (generated mappings
   * reading by column index); closes the cursor.
   */
  <T> List<T> read(CursorReader<T> reader);

  /**
   * Hands the open cursor to {@code scan}, which runs its own row loop (generated mappings reading
   * by column index), and closes the result when it returns.
   */
  <R> R scan(CursorScan<R> scan);

  /**
   * All remaining rows as {@code type}, a record annotated {@code @dev.quarry.annotation.Projection},
   * read by its generated reader (by column index, through its canonical constructor); closes the
   * cursor. Components take columns by label, ignoring case and underscores, or by position (the
   * rule is on {@code @Projection}); the columns are matched once, before the first row, so a
   * mismatch fails even on an empty result.
   *
   * @throws IllegalArgumentException when {@code type} has no generated projection
   * @throws ProjectionException when a component matches no column, a primitive component's column is
   *     NULL, or a value cannot be converted; it names the record, the component and the labels
   */
  <R> List<R> into(Class<R> type);

  /**
   * The remaining rows as {@code type} ({@link #into}), read from the cursor as the stream is
   * consumed; closing the stream closes the result. Use try-with-resources.
   */
  <R> Stream<R> streamInto(Class<R> type);

  /**
   * The remaining rows read by {@code reader} as a lazy stream that reads from the cursor as it is
   * consumed; closing the stream closes the result. Use try-with-resources.
   */
  <T> Stream<T> stream(CursorReader<T> reader);

  /**
   * The remaining rows as a lazy stream that reads from the cursor as it is consumed (with the
   * execution's fetch size); closing the stream closes the result. Use try-with-resources.
   */
  Stream<Row> stream();

  /** Releases the cursor and statement; idempotent. */
  @Override
  void close();
}
