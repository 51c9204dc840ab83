package dev.quarry.orm.async;

import dev.quarry.engine.NoResultException;
import dev.quarry.engine.NonUniqueResultException;
import dev.quarry.engine.Result;
import dev.quarry.engine.ResultColumn;
import dev.quarry.engine.Row;
import java.util.List;

/**
 * A statement's result read to the end on the worker thread: its columns, its rows (each holding its
 * values, detached from any cursor) and the number of rows affected. Immutable; usable on any thread.
 *
 * @param columns the result columns (empty without rows)
 * @param rows every row, in order (empty for an INSERT, UPDATE or DELETE without RETURNING)
 * @param rowCount rows affected by an INSERT, UPDATE or DELETE; -1 for queries
 */
public record Rows(List<ResultColumn> columns, List<Row> rows, long rowCount) {
  public Rows {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** Reads {@code result} to the end and closes it (on the thread that executed it). */
  static Rows read(Result result) {
    try (result) {
      List<Row> rows = result.returnsRows() ? result.fetchAll() : List.of();
      return new Rows(result.columns(), rows, result.rowCount());
    }
  }

  /** The first row, or null. */
  public Row first() {
    return rows.isEmpty() ? null : rows.get(0);
  }

  /**
   * Exactly one row.
   *
   * @throws NoResultException when there is none
   * @throws NonUniqueResultException when there are several
   */
  public Row one() {
    if (rows.isEmpty()) {
      throw new NoResultException("The statement returned no row; expected exactly one");
    }
    if (rows.size() > 1) {
      throw new NonUniqueResultException("The statement returned " + rows.size() + " rows; expected exactly one");
    }
    return rows.get(0);
  }

  /** The first column of the first row, or null when there is no row. */
  public Object scalar() {
    return rows.isEmpty() ? null : rows.get(0).get(0);
  }
}
