package dev.quarry.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of parameters of one batch: whole statements' parameters, or rows of plain values
 * bound with a template's parameter types (no {@link Parameter} is built for them unless a log,
 * a listener or an error shows them).
 */
abstract class BatchRows {
  abstract int size();

  /** Binds row {@code r} to {@code ps}. */
  abstract void bind(PreparedStatement ps, int r, DefaultConnection connection) throws SQLException;

  /** Row {@code r} as parameters, for events and errors. */
  abstract List<Parameter> shown(int r);

  /** Every row as parameters, for an error that shows which row failed. */
  final List<List<Parameter>> shownAll() {
    List<List<Parameter>> all = new ArrayList<>(size());
    for (int r = 0; r < size(); r++) {
      all.add(shown(r));
    }
    return all;
  }

  static BatchRows ofParameters(List<List<Parameter>> rows) {
    return new BatchRows() {
      @Override
      int size() {
        return rows.size();
      }

      @Override
      void bind(PreparedStatement ps, int r, DefaultConnection connection) throws SQLException {
        List<Parameter> row = rows.get(r);
        for (int i = 0; i < row.size(); i++) {
          connection.bind(ps, i, row.get(i), row.get(i).value());
        }
      }

      @Override
      List<Parameter> shown(int r) {
        return rows.get(r);
      }
    };
  }

  static BatchRows ofValues(List<Parameter> shape, List<? extends List<?>> rows) {
    return new BatchRows() {
      @Override
      int size() {
        return rows.size();
      }

      @Override
      void bind(PreparedStatement ps, int r, DefaultConnection connection) throws SQLException {
        List<?> values = rows.get(r);
        for (int i = 0; i < shape.size(); i++) {
          connection.bind(ps, i, shape.get(i), values.get(i));
        }
      }

      @Override
      List<Parameter> shown(int r) {
        List<?> values = rows.get(r);
        List<Parameter> row = new ArrayList<>(shape.size());
        for (int i = 0; i < shape.size(); i++) {
          Parameter p = shape.get(i);
          row.add(new Parameter(p.name(), values.get(i), p.type()));
        }
        return row;
      }
    };
  }
}
